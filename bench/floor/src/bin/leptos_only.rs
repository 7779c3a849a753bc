//! Leptos alone: a signal, a button and a text.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let (n, set_n) = signal(0);
        view! { <button on:click=move |_| set_n.update(|n| *n += 1)>"+1"</button><p>{n}</p> }
    });
}
