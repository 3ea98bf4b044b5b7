//! The macro that gives an enum its ids.

/// An enum whose variants have stable string ids (the contract of `events.json`, the page's
/// `data-` attributes): the ids are written once, here, and give `ALL`, `id`, `from_id` and
/// serde's names. Exported, so that every crate's vocabularies are written the same way:
///
/// ```
/// newsmap_core::id_enum! {
///     /// A field of a form.
///     pub enum Field {
///         Kind = "kind",
///         Date = "date",
///     }
/// }
/// assert_eq!(Field::from_id("date"), Some(Field::Date));
/// assert_eq!(Field::ALL.iter().map(|f| f.id()).collect::<Vec<_>>(), ["kind", "date"]);
/// ```
#[macro_export]
macro_rules! id_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $id:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// The stable id.
            pub fn id(self) -> &'static str {
                match self {
                    $( $name::$variant => $id, )+
                }
            }

            pub fn from_id(id: &str) -> Option<$name> {
                match id {
                    $( $id => Some($name::$variant), )+
                    _ => None,
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.id())
            }
        }

        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }
    };
}
