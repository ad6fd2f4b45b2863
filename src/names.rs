//! Enums whose variants have stable names: the codes, kinds and categories of the contract
//! and of the lexicon files. [`named_enum!`] declares such an enum once, with each
//! variant's name beside it; the name is what serde writes and what `name()`, `from_name()`
//! and `ALL` give, so the JSON, the lexicon files and the generated schema cannot disagree.

/// Declares a `Copy` enum whose variants each carry their name:
///
/// ```text
/// named_enum! {
///     /// What a unit measures.
///     pub enum UnitCategory {
///         /// Things counted.
///         Count = "count",
///     }
/// }
/// ```
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $str:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $str)] $variant ),+
        }

        impl $name {
            /// Every variant, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The variant's name, as the JSON and the lexicon files write it.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $str),+
                }
            }

            /// The variant of a name.
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($str => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

pub(crate) use named_enum;
