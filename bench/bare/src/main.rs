use leptos::prelude::*;

fn main() {
    mount_to_body(|| {
        let (count, set_count) = signal(0);
        view! {
            <button data-testid="counter" on:click=move |_| set_count.update(|n| *n += 1)>
                "Count: "{count}
            </button>
        }
    });
}
