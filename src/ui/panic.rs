//! A panic never leaves a blank page: it shows a recoverable error screen with the details.

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Draws the error screen (also used by the browser test, without a real panic).
pub fn show(details: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let Ok(screen) = document.create_element("div") else { return };
    screen.set_id("panic-screen");
    screen.set_attribute("role", "alert").ok();
    let add = |tag: &str, text: &str| {
        if let Ok(el) = document.create_element(tag) {
            // text_content, never inner_html: the details may quote user data.
            el.set_text_content(Some(text));
            let _ = screen.append_child(&el);
            Some(el)
        } else {
            None
        }
    };
    add("h1", "出错了 · Something went wrong");
    add("p", "您的方案已保存在浏览器中，重新载入页面即可继续。Your scenarios are kept in this browser; reload the page to continue.");
    add("pre", details);
    if let Some(button) = add("button", "重新载入 · Reload") {
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = button.dyn_ref::<web_sys::HtmlElement>().map(|b| b.set_onclick(Some(reload.as_ref().unchecked_ref())));
        reload.forget();
    }
    let _ = body.append_child(&screen);
}
