// The report form came back with errors: move the focus to the summary above it, so that
// screen readers read it out and keyboard users start from there. Without JavaScript the
// summary is still the first thing in the page's content, and its links lead to the fields.
document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }
});
