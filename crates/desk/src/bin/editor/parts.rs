//! The editor's page, as components: the input, the article with the chosen sentence marked,
//! one row per event with every field editable, the places to settle, the export. Each reads
//! the [`Desk`]'s state through a memo of what it shows (the library's `view`), so a change
//! redraws only what it changed and the desk's focus, caret and typing stay where they are;
//! each hand becomes a [`Msg`] here, where the DOM speaks.

use crate::browser;
use crate::desk::{Desk, now};
use crate::preview::Preview;
use leptos::html;
use leptos::prelude::*;
use newsmap_core::model::EventId;
use newsmap_desk::editor::{Download, HeadField, Msg};
use newsmap_desk::fields::Field;
use newsmap_desk::publish::embed_code;
use newsmap_desk::session::Session;
use newsmap_desk::view::{self, Cell, Row};

/// The whole page.
#[component]
pub fn Page(desk: Desk) -> impl IntoView {
    view! {
        <main class="desk" data-testid="editor">
            <header class="desk-head">
                <h1>"News map: the desk's editor"</h1>
                <p>
                    "Paste an article or drop its file, read it, check what the machine read against the text, fix it, export. Nothing leaves this browser."
                </p>
            </header>
            <Input desk/>
            <section class="desk-articles" aria-label="The story's articles">
                <Articles desk/>
            </section>
            <div class="desk-work">
                <section class="desk-article" data-testid="editor-text" aria-label="The article's text">
                    <Article desk/>
                </section>
                <section class="desk-table" data-testid="editor-table" aria-label="The events">
                    <Table desk/>
                    <PlaceIds desk/>
                </section>
                <section class="desk-places" data-testid="editor-places" aria-label="Places to settle">
                    <Places desk/>
                </section>
                <section class="desk-preview" data-testid="editor-preview" aria-label="The map">
                    <Preview desk/>
                </section>
                <section class="desk-export" data-testid="editor-export" aria-label="Publish">
                    <Publish desk/>
                </section>
            </div>
        </main>
    }
}

/// The files a list holds, in order.
fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// The files an input holds; the input is emptied, so that choosing the same file again
/// reads it again.
fn take_files(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let files = files_of(input.files());
    input.set_value("");
    files
}

/// Where the article goes in: the paste box, a file, the date, the button, the status line.
#[component]
fn Input(desk: Desk) -> impl IntoView {
    let date = NodeRef::<html::Input>::new();
    let date_given = move || date.get_untracked().map(|d| d.value()).unwrap_or_default();
    let open = move |file: web_sys::File| {
        let (name, date) = (file.name(), date_given());
        wasm_bindgen_futures::spawn_local(async move {
            let text = browser::read_file(file).await;
            let now = now();
            desk.send(Msg::Opened {
                name,
                text,
                date,
                now,
            });
        });
    };
    let read = move |_| {
        let html = desk
            .input
            .get_untracked()
            .map(|t| t.value())
            .unwrap_or_default();
        let now = now();
        desk.send(Msg::Read {
            html,
            date: date_given(),
            now,
        });
    };
    view! {
        <section class="desk-input" aria-label="The article">
            <label for="editor-input">"Article (HTML or text), or drop .html or .txt files here: each joins the story"</label>
            <textarea
                id="editor-input"
                data-testid="editor-input"
                rows="8"
                spellcheck="false"
                node_ref=desk.input
                on:dragover=|e| e.prevent_default()
                on:drop=move |e| {
                    e.prevent_default();
                    files_of(e.data_transfer().and_then(|t| t.files())).into_iter().for_each(open);
                }
            ></textarea>
            <div class="desk-row">
                <label for="editor-file">"or open files:"</label>
                <input
                    type="file"
                    id="editor-file"
                    data-testid="editor-file"
                    accept=".html,.htm,.txt,text/html,text/plain"
                    multiple
                    on:change:target=move |e| take_files(&e.target()).into_iter().for_each(open)
                />
                <label for="editor-date">"Publication date, if the page shows none:"</label>
                <input type="date" id="editor-date" data-testid="editor-date" node_ref=date/>
                <button type="button" class="desk-run" data-testid="editor-run" on:click=read>
                    "Read the article"
                </button>
            </div>
            <Status desk/>
        </section>
    }
}

/// The status line, and the warning when the browser cannot keep the session.
#[component]
fn Status(desk: Desk) -> impl IntoView {
    let said = Memo::new(move |_| desk.state.with(|e| e.said.clone()));
    let unsaved = Memo::new(move |_| desk.state.with(|e| e.unsaved.map(|u| u.to_string())));
    view! {
        <p
            class="desk-status"
            data-testid="editor-status"
            role="status"
            aria-live="polite"
            data-ms=move || said.with(|s| s.ms.map(|ms| format!("{ms:.1}")))
        >
            {move || said.with(|s| s.text.clone())}
        </p>
        <p class="desk-warning" data-testid="editor-storage" role="alert">
            {move || unsaved.get()}
        </p>
    }
}

/// The article's text in paragraphs, each knowing where it starts (for selections), with
/// the chosen event's sentence marked and brought into view when the desk asks.
#[component]
fn Article(desk: Desk) -> impl IntoView {
    let paragraphs = Memo::new(move |_| {
        desk.state.with(|e| {
            // The chosen event's sentence, when it is in the article shown.
            let shown = e.session.shown_article();
            let mark = e
                .chosen_index()
                .and_then(|i| e.session.extraction.events.get(i))
                .filter(|ev| ev.sources.first().is_none_or(|s| Some(&s.article) == shown))
                .map(|ev| ev.span);
            view::paragraphs(e.session.article(), mark)
        })
    });
    let empty = Memo::new(move |_| desk.state.with(|e| e.session.article().is_empty()));
    let text = NodeRef::<html::Div>::new();
    Effect::watch(
        move || desk.state.with(|e| e.reveal),
        move |_, _, _| {
            request_animation_frame(move || {
                if let Some(mark) = text
                    .get_untracked()
                    .and_then(|t| t.query_selector("mark").ok().flatten())
                {
                    browser::scroll_to(&mark);
                }
            });
        },
        false,
    );
    let add = move |_| {
        let span = text
            .get_untracked()
            .and_then(|t| browser::selected_span(&t));
        desk.send(Msg::AddFrom(span));
    };
    view! {
        <h2>"The article's text"</h2>
        <p class="desk-empty" hidden=move || !empty.get()>"Read an article to see its text here."</p>
        <div hidden=move || empty.get()>
            <p class="desk-hint">"Select a sentence and add it as an event the machine missed."</p>
            <button type="button" data-testid="editor-add" on:click=add>
                "Add an event from the selected text"
            </button>
            <div class="desk-text" node_ref=text>
                {move || {
                    paragraphs
                        .get()
                        .into_iter()
                        .map(|p| {
                            let marked = p
                                .marked
                                .map(|m| view! { <mark data-testid="editor-mark">{m}</mark> });
                            view! {
                                <p class="desk-para" data-start=p.start>
                                    {p.before}
                                    {marked}
                                    {p.after}
                                </p>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </div>
    }
}

/// The table's column heads.
const HEADS: [&str; 11] = [
    "", "kind", "date", "actor", "place", "from", "origin", "count", "status", "how sure", "",
];

/// One row per event, every field editable.
#[component]
fn Table(desk: Desk) -> impl IntoView {
    let ids = Memo::new(move |_| desk.state.with(view::row_ids));
    view! {
        <h2>"What the machine read"</h2>
        <p class="desk-empty" hidden=move || !ids.with(Vec::is_empty)>"No events yet."</p>
        <table hidden=move || ids.with(Vec::is_empty)>
            <thead>
                <tr>{HEADS.map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <EventRow desk id/>
                </For>
            </tbody>
        </table>
    }
}

/// An event's row: its sentence one click away, its fields, how sure the extractor is and how
/// it dated the event, and the button that deletes it.
#[component]
fn EventRow(desk: Desk, id: EventId) -> impl IntoView {
    let row = {
        let id = id.clone();
        Memo::new(move |_| desk.state.with(|e| view::row(e, &id)))
    };
    let value =
        move |f: Field| Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.value(f).to_owned())));
    let (kind, date, place, actor) = (
        value(Field::Kind),
        value(Field::Date),
        value(Field::Place),
        value(Field::Actor),
    );
    let show = NodeRef::<html::Button>::new();
    {
        let id = id.clone();
        let ticket = Memo::new(move |_| {
            desk.state
                .with(|e| e.focus.as_ref().filter(|f| f.event == id).map(|f| f.ticket))
        });
        Effect::new(move |_| {
            if ticket.get().is_some()
                && let Some(button) = show.get()
            {
                let _ = button.focus();
            }
        });
    }
    let (shown, deleted) = (id.clone(), id.clone());
    view! {
        <tr
            data-testid="editor-event"
            data-id=id.to_string()
            data-kind=kind
            data-date=date
            data-place=place
            data-actor=actor
            data-sources=move || row.with(|r| r.as_ref().map(|r| r.sources.len().max(1)))
            data-conflict=move || row.with(|r| r.as_ref().is_some_and(|r| r.conflict.is_some())).then_some("true")
            aria-current=move || row.with(|r| r.as_ref().is_some_and(|r| r.chosen)).then_some("true")
        >
            <td>
                <button
                    type="button"
                    data-testid="editor-show"
                    node_ref=show
                    title=move || row.with(|r| r.as_ref().map(|r| r.quote.clone()))
                    on:click=move |_| desk.send(Msg::Show(shown.clone()))
                >
                    "show its sentence"
                </button>
            </td>
            {Field::ALL
                .iter()
                .map(|&f| {
                    let id = id.clone();
                    let cell = Memo::new(move |_| {
                        row.with(|r| r.as_ref().and_then(|r| r.cells.iter().find(|c| c.field == f).cloned()))
                    });
                    view! { <td><FieldControl desk id cell/></td> }
                })
                .collect_view()}
            <td class="desk-basis"><Basis row/><Reports desk id=id.clone() row/></td>
            <td>
                <button
                    type="button"
                    data-testid="editor-delete"
                    on:click=move |_| desk.send(Msg::Delete(deleted.clone()))
                >
                    "delete"
                </button>
                <JoinWith desk id=id.clone()/>
            </td>
        </tr>
    }
}

/// How sure the extractor is, how it dated the event, and whose side a name is.
#[component]
fn Basis(row: Memo<Option<Row>>) -> impl IntoView {
    let part = move |f: fn(&Row) -> Option<String>| move || row.with(|r| r.as_ref().and_then(f));
    let alias = part(|r| r.alias.clone());
    view! {
        <span class="confidence">{part(|r| Some(r.confidence.clone()))}</span>
        <small title=part(|r| Some(r.basis.clone()))>{part(|r| Some(r.basis.clone()))}</small>
        {move || alias().map(|a| view! { <small class="alias" data-testid="editor-alias">{a}</small> })}
    }
}

/// The reports that tell an event, each one click from being an event of its own, and what
/// they disagree on.
#[component]
fn Reports(desk: Desk, id: EventId, row: Memo<Option<Row>>) -> impl IntoView {
    let conflict = move || row.with(|r| r.as_ref().and_then(|r| r.conflict.clone()));
    let lines = move || row.with(|r| r.as_ref().map(|r| r.sources.clone()).unwrap_or_default());
    let settle = {
        let id = id.clone();
        move |_| desk.send(Msg::Settle(id.clone()))
    };
    view! {
        {move || {
            conflict()
                .map(|c| {
                    view! {
                        <small class="problem" data-testid="editor-conflict">
                            {c}
                            " "
                            <button type="button" data-testid="editor-settle" on:click=settle.clone()>
                                "settled: the row is right"
                            </button>
                        </small>
                    }
                })
        }}
        {move || {
            let lines = lines();
            let n = lines.len();
            let id = id.clone();
            (n > 1).then(|| {
                let items = lines
                    .into_iter()
                    .enumerate()
                    .map(|(k, l)| {
                        let event = id.clone();
                        let label = format!("Make the report of {} an event of its own", l.outlet);
                        view! {
                            <li title=l.quote>
                                <strong>{l.outlet}</strong>
                                {format!(" ({}): ", l.date)}
                                {l.gist}
                                " "
                                <button
                                    type="button"
                                    data-testid="editor-split"
                                    aria-label=label
                                    on:click=move |_| desk.send(Msg::Split { event: event.clone(), source: k })
                                >
                                    "split"
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <details class="desk-sources">
                        <summary>{format!("merged from {n} reports")}</summary>
                        <ul>{items}</ul>
                    </details>
                }
            })
        }}
    }
}

/// Joins another row into this one: two rows that tell one thing.
#[component]
fn JoinWith(desk: Desk, id: EventId) -> impl IntoView {
    let others = {
        let id = id.clone();
        Memo::new(move |_| {
            desk.state.with(|e| {
                let ids = view::row_ids(e);
                ids.into_iter().filter(|o| *o != id).collect::<Vec<_>>()
            })
        })
    };
    let label = format!("Join another event into {id}");
    view! {
        <select
            data-testid="editor-join"
            aria-label=label
            on:change:target=move |e| {
                let other = EventId::new(e.target().value());
                e.target().set_value("");
                if !other.as_str().is_empty() {
                    desk.send(Msg::Join { keep: id.clone(), other });
                }
            }
        >
            <option value="">"join…"</option>
            {move || others.get().into_iter().map(|o| view! { <option value=o.to_string()>{o.to_string()}</option> }).collect_view()}
        </select>
    }
}

/// The story's articles: which one's text is shown, and each one's removal.
#[component]
fn Articles(desk: Desk) -> impl IntoView {
    let list = Memo::new(move |_| desk.state.with(view::articles));
    view! {
        <h2>"The story's articles"</h2>
        <p class="desk-hint">
            "Read more reports of the same story: their events join these, each row listing every report."
        </p>
        <ul data-testid="editor-articles">
            {move || {
                list.get()
                    .into_iter()
                    .map(|a| {
                        let (shown, removed) = (a.id.clone(), a.id.clone());
                        let outlet = a.name.clone();
                        let remove = format!("Remove {outlet} from the story");
                        view! {
                            <li data-testid="editor-article" data-outlet=a.outlet.clone() aria-current=a.shown.then_some("true")>
                                <button type="button" on:click=move |_| desk.send(Msg::ShowArticle(shown.clone()))>
                                    {outlet}
                                </button>
                                {format!(" {} ({}; {} events) ", a.headline, a.date, a.events)}
                                <ArticleName desk line=a.clone() />
                                <button
                                    type="button"
                                    data-testid="editor-remove-article"
                                    aria-label=remove
                                    on:click=move |_| desk.send(Msg::RemoveArticle(removed.clone()))
                                >
                                    "remove"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
        <button type="button" data-testid="editor-new-story" on:click=move |_| desk.send(Msg::NewStory)>
            "Start a new story"
        </button>
    }
}

/// The outlet and address a reader's caption cites for an article.
#[component]
fn ArticleName(desk: Desk, line: view::ArticleLine) -> impl IntoView {
    let (id, outlet, url) = (line.id, line.outlet, line.url);
    let name = {
        let (id, url) = (id.clone(), url.clone());
        move |outlet: String| {
            desk.send(Msg::NameArticle {
                id: id.clone(),
                outlet,
                url: url.clone(),
            })
        }
    };
    let address = {
        let (id, outlet) = (id.clone(), outlet.clone());
        move |url: String| {
            desk.send(Msg::NameArticle {
                id: id.clone(),
                outlet: outlet.clone(),
                url,
            })
        }
    };
    view! {
        <label>
            "Outlet "
            <input
                type="text"
                data-testid="editor-article-outlet"
                prop:value=outlet.clone()
                on:change:target=move |e| name(e.target().value())
            />
        </label>
        <label>
            " Address "
            <input
                type="url"
                data-testid="editor-article-url"
                placeholder="https://"
                prop:value=url.clone()
                on:change:target=move |e| address(e.target().value())
            />
        </label>
    }
}

/// One field's control: a select for a fixed vocabulary, else a text input (places choose
/// from the list of the map's and the gazetteer's ids); its problem below it.
#[component]
fn FieldControl(desk: Desk, id: EventId, cell: Memo<Option<Cell>>) -> impl IntoView {
    let Some(first) = cell.get_untracked() else {
        return ().into_any();
    };
    let f = first.field;
    let value =
        Memo::new(move |_| cell.with(|c| c.as_ref().map(|c| c.value.clone()).unwrap_or_default()));
    let problem = Memo::new(move |_| cell.with(|c| c.as_ref().and_then(|c| c.problem.clone())));
    let invalid = move || problem.with(Option::is_some).then_some("true");
    let edit = move |text: String| {
        desk.send(Msg::Edit {
            event: id.clone(),
            field: f,
            text,
        })
    };
    let control = if first.choices.is_empty() {
        view! {
            <input
                type="text"
                data-field=f.id()
                aria-label=first.label.clone()
                aria-invalid=invalid
                list=first.is_place.then_some("editor-place-ids")
                placeholder=(f == Field::Date).then_some("2020-06-05")
                prop:value=value
                on:change:target=move |e| edit(e.target().value())
            />
        }
        .into_any()
    } else {
        let options = first
            .choices
            .iter()
            .map(|&c| {
                let label = if c.is_empty() { "—" } else { c };
                view! { <option value=c prop:selected=move || value.with(|v| v == c)>{label}</option> }
            })
            .collect_view();
        view! {
            <select
                data-field=f.id()
                aria-label=first.label.clone()
                aria-invalid=invalid
                on:change:target=move |e| edit(e.target().value())
            >
                {options}
            </select>
        }
        .into_any()
    };
    view! {
        {control}
        {move || problem.get().map(|why| view! { <small class="problem" data-testid="editor-problem">{why}</small> })}
    }
    .into_any()
}

/// The ids a place field may take: the map's places, then the gazetteer's.
#[component]
fn PlaceIds(desk: Desk) -> impl IntoView {
    let choices = Memo::new(move |_| desk.state.with(view::place_choices));
    view! {
        <datalist id="editor-place-ids">
            <For each=move || choices.get() key=|(id, _)| id.clone() let:choice>
                <option value=choice.0>{choice.1}</option>
            </For>
        </datalist>
    }
}

/// The places the events name that nobody knows: each to pick from the gazetteer or to place
/// on the map with a click, with an optional Arabic name.
#[component]
fn Places(desk: Desk) -> impl IntoView {
    let unknown = Memo::new(move |_| desk.state.with(|e| e.session.unknown_places()));
    view! {
        <h2>"Places to settle"</h2>
        <p class="desk-empty" hidden=move || !unknown.with(Vec::is_empty)>
            "Every place the events name is on the map."
        </p>
        <ul hidden=move || unknown.with(Vec::is_empty)>
            <For each=move || unknown.get() key=|name| name.clone() let:name>
                <UnknownPlace desk name/>
            </For>
        </ul>
    }
}

#[component]
fn UnknownPlace(desk: Desk, name: String) -> impl IntoView {
    let placing = {
        let name = name.clone();
        Memo::new(move |_| {
            desk.state
                .with(|e| e.placing.as_deref() == Some(name.as_str()))
        })
    };
    let (picked, named, placed) = (name.clone(), name.clone(), name.clone());
    view! {
        <li data-testid="editor-unknown-place" data-name=name.clone()>
            <strong>{name.clone()}</strong>
            " is not in the gazetteer. "
            <input
                type="text"
                list="editor-place-ids"
                aria-label=format!("Pick a known place for {name}")
                placeholder="a known place"
                on:change:target=move |e| desk.send(Msg::Pick { name: picked.clone(), id: e.target().value() })
            />
            <input
                type="text"
                data-testid="editor-name-ar"
                aria-label=format!("Arabic name of {name}")
                placeholder="الاسم بالعربية (optional)"
                lang="ar"
                dir="rtl"
                on:change:target=move |e| desk.send(Msg::NameAr { name: named.clone(), text: e.target().value() })
            />
            <button
                type="button"
                data-testid="editor-place-on-map"
                on:click=move |_| desk.send(Msg::StartPlacing(placed.clone()))
            >
                {move || if placing.get() { "Now click the map…" } else { "Place it on the map" }}
            </button>
        </li>
    }
}

/// A text field of the story's words or its address: what the session holds, and a message
/// when the desk leaves it.
#[component]
fn WordField(
    desk: Desk,
    id: &'static str,
    label: &'static str,
    value: Signal<String>,
    send: fn(String) -> Msg,
    #[prop(optional)] arabic: bool,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <input
            type="text"
            id=id
            data-testid=id
            lang=arabic.then_some("ar")
            dir=arabic.then_some("rtl")
            placeholder=placeholder
            prop:value=value
            on:change:target=move |e| desk.send(send(e.target().value()))
        />
    }
}

/// Publishing: the story's words in both languages, where the embed will be served, the one
/// button that makes it; the data files and the import beside.
#[component]
fn Publish(desk: Desk) -> impl IntoView {
    let word = move |f: fn(&Session) -> &str| {
        Signal::derive(move || desk.state.with(|e| f(&e.session).to_owned()))
    };
    let code = Memo::new(move |_| {
        desk.state
            .with(|e| (!e.session.host.is_empty()).then(|| embed_code(&e.session)))
    });
    view! {
        <h2>"Publish"</h2>
        <p class="desk-hint">
            "The story's words, as readers will see them above the map (the Arabic page shows the Arabic ones)."
        </p>
        <WordField desk id="editor-headline" label="Headline" value=word(|s| &s.heading.headline) send=|t| Msg::Head(HeadField::Headline, t)/>
        <WordField desk id="editor-standfirst" label="Standfirst" value=word(|s| &s.heading.standfirst) send=|t| Msg::Head(HeadField::Standfirst, t)/>
        <WordField desk id="editor-headline-ar" label="Headline in Arabic" value=word(|s| &s.heading_ar.headline) send=|t| Msg::Head(HeadField::HeadlineAr, t) arabic=true/>
        <WordField desk id="editor-standfirst-ar" label="Standfirst in Arabic" value=word(|s| &s.heading_ar.standfirst) send=|t| Msg::Head(HeadField::StandfirstAr, t) arabic=true/>
        <WordField
            desk
            id="editor-host"
            label="Where the embed will be served"
            value=word(|s| &s.host)
            send=Msg::Host
            placeholder="https://graphics.example.com/2020/libya/"
        />
        <div class="desk-row">
            <button
                type="button"
                class="desk-run"
                data-testid="editor-publish"
                on:click=move |_| desk.send(Msg::Publish { now: now() })
            >
                "Publish: download the embed (.zip)"
            </button>
        </div>
        <p class="desk-hint">
            "The zip holds the whole embed: unzip it where the address above serves it, on any static host. Then paste its embed code where the map goes:"
        </p>
        <pre data-testid="editor-export-snippet">
            {move || code.get().unwrap_or_else(|| "(give the address above first)".into())}
        </pre>
        <Files desk/>
    }
}

/// The data files, to download and to import.
#[component]
fn Files(desk: Desk) -> impl IntoView {
    let import = move |e: leptos::ev::Targeted<web_sys::Event, web_sys::HtmlInputElement>| {
        let Some(file) = take_files(&e.target()).into_iter().next() else {
            return;
        };
        let name = file.name();
        wasm_bindgen_futures::spawn_local(async move {
            let text = browser::read_file(file).await;
            desk.send(Msg::Import { name, text });
        });
    };
    view! {
        <div class="desk-row">
            <button type="button" data-testid="editor-download-events" on:click=move |_| desk.send(Msg::Download(Download::Events))>
                "Download events.json"
            </button>
            <button type="button" data-testid="editor-download-places" on:click=move |_| desk.send(Msg::Download(Download::Places))>
                "Download places.geojson"
            </button>
            <label for="editor-import">"Import an events.json:"</label>
            <input type="file" id="editor-import" data-testid="editor-import" accept=".json,application/json" on:change:target=import/>
        </div>
    }
}
