// Progressive enhancement only: with JavaScript off every form has its own submit button and
// each post loads the next page. With it on, picking an option submits its module's form at
// once, and the configurator page's posts (a module, undo, redo, reset, the standard product,
// personalization, a diagnosis) go through fetch: the server answers with the same page it
// would have shown, and the script puts its main part in place of the old one: the browser keeps
// the scroll position, the script the focused option. The server renders everything; the script decides
// nothing about the product.
(() => {
  const configuring = () => document.querySelector("section#modules") !== null;
  const main = () => document.querySelector("main");
  let queue = Promise.resolve();

  const hideApplyButtons = () => {
    document.querySelectorAll("form.module .apply").forEach((button) => { button.hidden = true; });
  };

  // The element to focus again after the swap: the same option of the same module, or the same button.
  const focusKey = () => {
    const active = document.activeElement;
    if (!active || active === document.body) return null;
    const module = active.closest("form.module");
    if (module && active.matches("input")) return `form.module[data-module="${CSS.escape(module.dataset.module)}"] input[value="${CSS.escape(active.value)}"]`;
    return active.id ? `#${CSS.escape(active.id)}` : null;
  };

  const swap = (html, url, redirected) => {
    const next = new DOMParser().parseFromString(html, "text/html");
    const nextMain = next.querySelector("main");
    if (!nextMain || !next.querySelector("section#modules")) return false;
    const focus = focusKey();
    main().replaceChildren(...nextMain.childNodes);
    document.title = next.title;
    if (redirected && url !== location.href) history.replaceState(null, "", url);
    hideApplyButtons();
    // A conflict takes the focus to its first way out, so that a keyboard is where the question is.
    const conflict = document.querySelector("dialog#conflict .diagnosis, dialog#conflict #cancel");
    const again = conflict || (focus && document.querySelector(focus));
    if (again && !again.disabled) again.focus({ preventScroll: !conflict });
    return true;
  };

  // Anything but the same page back (another page, a server error): the browser's own post shows it.
  const post = (form) => form.isConnected ? HTMLFormElement.prototype.submit.call(form) : location.reload();

  const send = async (form, body) => {
    main().setAttribute("aria-busy", "true");
    try {
      const response = await fetch(form.action, { method: "POST", body, credentials: "same-origin" });
      const type = response.headers.get("Content-Type") || "";
      const samePage = new URL(response.url).pathname === location.pathname;
      if (response.status < 500 && type.startsWith("text/html") && samePage && swap(await response.text(), response.url, response.redirected)) return;
      post(form);
    } catch {
      post(form);
    } finally {
      main()?.removeAttribute("aria-busy");
    }
  };

  document.addEventListener("change", (event) => {
    const input = event.target;
    const form = input.closest && input.closest("form.module");
    if (form && input.matches("input[type=radio], input[type=checkbox]")) form.requestSubmit();
  });

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!configuring() || form.method !== "post" || !main().contains(form)) return;
    event.preventDefault();
    // One post at a time, in the order the customer made them, each with the form as it was when made.
    const body = new FormData(form, event.submitter);
    queue = queue.then(() => send(form, body));
  });

  hideApplyButtons();
})();
