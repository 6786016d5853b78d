// Progressive enhancement only: with JavaScript off every form has its own submit button.
// With it on, picking an option submits its module's form at once.
document.querySelectorAll("form.module").forEach((form) => {
  form.querySelectorAll("input[type=radio], input[type=checkbox]").forEach((input) => {
    input.addEventListener("change", () => form.requestSubmit());
  });
  form.querySelectorAll(".apply").forEach((button) => { button.hidden = true; });
});
