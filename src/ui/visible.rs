//! Whether a part of the page is on screen (or about to be), so that a view nobody can see need
//! not be rebuilt on every edit; it catches up as it scrolls into view.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// How far outside the window a part counts as on screen: it is up to date before it shows.
const MARGIN: &str = "400px";

/// True while `node` is within `MARGIN` of the window. True until first measured, so that the
/// first build is complete.
pub fn on_screen<E>(node: NodeRef<E>) -> Signal<bool>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    watch(node, true)
}

/// True while `node` is within `MARGIN` of the window; false until first measured, for what
/// should wait until it is about to be seen.
pub fn near_screen<E>(node: NodeRef<E>) -> Signal<bool>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    watch(node, false)
}

fn watch<E>(node: NodeRef<E>, before_measured: bool) -> Signal<bool>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let seen = RwSignal::new(before_measured);
    type Watch = (IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);
    let watch: StoredValue<Option<Watch>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let el: web_sys::Element = el.unchecked_into();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(last) = entries.iter().last() {
                seen.set(last.unchecked_into::<IntersectionObserverEntry>().is_intersecting());
            }
        });
        let init = IntersectionObserverInit::new();
        init.set_root_margin(MARGIN);
        // Without IntersectionObserver the part counts as always on screen.
        match IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init) {
            Ok(observer) => {
                observer.observe(&el);
                watch.set_value(Some((observer, callback)));
            }
            Err(_) => seen.set(true),
        }
    });
    on_cleanup(move || {
        watch.update_value(|w| {
            if let Some((observer, _)) = w.take() {
                observer.disconnect();
            }
        })
    });
    seen.into()
}

/// `value()` while `visible`; off screen, the value last shown (read without tracking, so
/// changes made meanwhile cause no work until the part is visible again).
pub fn while_visible<T>(visible: Signal<bool>, value: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |previous: Option<&T>| match previous {
        Some(shown) if !visible.get() => shown.clone(),
        _ => value(),
    })
}
