//! Parts of the app whose code is fetched only when first used: the plan page's sections below
//! its charts, presenting, comparing, projects, checks, downloads and imports. In the release
//! build each is its own wasm file (split off after Trunk's build by `scripts/split-wasm`), so
//! the first load carries the shell, the plan overview and its charts, and little else.
//!
//! Without the `split` feature (tests, debug builds) a part is an ordinary function call.

use crate::ui::state::{use_app, Notice};
use leptos::prelude::*;
use std::future::Future;

/// What a loaded part gives back: the function that builds its view.
pub type Build<A> = fn(A) -> AnyView;

/// A part's code could not be fetched (offline before it was ever cached, say).
#[derive(Debug, Clone)]
pub struct Missing;

impl From<leptos::wasm_split::SplitLoaderError> for Missing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Missing
    }
}

/// The notice for a part fetched by an action (a download, an import) rather than shown in place.
pub fn missing_notice() -> Notice {
    Notice::error(crate::ui::text::ZH.part_missing, crate::ui::text::EN.part_missing)
}

/// Declares `async fn $name() -> Result<$ty, Missing>`, which fetches the code of `$value` (and
/// of everything only it uses) on its first call and gives back `$value`, a function pointer.
#[macro_export]
macro_rules! part {
    ($(#[$doc:meta])* $name:ident: $ty:ty = $value:expr) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name() -> Result<$ty, $crate::ui::part::Missing> {
            let value: $ty = $value;
            Ok(value)
        }
        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name() -> Result<$ty, $crate::ui::part::Missing> {
            let value: $ty = $value;
            Ok(value)
        }
    };
}

enum Stage<A: 'static> {
    Waiting,
    Loading,
    Ready(Build<A>),
    Failed,
}

// By hand: derived impls would ask the same of `A`, which a function pointer does not need.
impl<A> Clone for Stage<A> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<A> Copy for Stage<A> {}

thread_local! {
    /// The parts whose code is here already, by the id `show` was given.
    static LOADED: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether the part shown as `id` has been fetched in this page's life.
pub fn loaded(id: &'static str) -> bool {
    LOADED.with(|l| l.borrow().contains(&id))
}

/// The view of a part, built with `args` once its code has arrived. Until `wanted` is true
/// nothing is fetched; meanwhile, and while fetching, `id` names a placeholder of the part's
/// height. A failed fetch says so in both languages and offers to try again.
pub fn show<A, F, Fut>(id: &'static str, wanted: Signal<bool>, load: F, args: A) -> impl IntoView
where
    A: Clone + Send + Sync + 'static,
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<Build<A>, Missing>> + 'static,
{
    let state = use_app();
    let stage = RwSignal::new(Stage::<A>::Waiting);
    let fetch = move || {
        stage.set(Stage::Loading);
        leptos::task::spawn_local(async move {
            let got = load().await;
            let next = match got {
                Ok(build) => {
                    if !loaded(id) {
                        LOADED.with(|l| l.borrow_mut().push(id));
                    }
                    Stage::Ready(build)
                }
                Err(Missing) => Stage::Failed,
            };
            // The page may have moved on while the code was on its way.
            let _ = stage.try_set(next);
        });
    };
    Effect::new(move |_| {
        if wanted.get() && matches!(stage.get_untracked(), Stage::Waiting) {
            fetch();
        }
    });
    move || match stage.get() {
        Stage::Ready(build) => build(args.clone()),
        Stage::Failed => view! {
            <section class="part-missing" id=id role="alert">
                <p>{state.t().part_missing}</p>
                <button class="secondary" on:click=move |_| fetch()>{state.t().retry}</button>
            </section>
        }
        .into_any(),
        Stage::Waiting | Stage::Loading => view! {
            <section class="part-loading" id=id aria-busy="true">
                <p>{state.t().part_loading}</p>
            </section>
        }
        .into_any(),
    }
}
