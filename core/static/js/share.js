// Progressive enhancement for "Seite teilen": a copy-link button, and the browser's own
// share sheet (Web Share API) where it exists. Without JavaScript the plain links remain.
(function () {
  "use strict";

  document.querySelectorAll("[data-share]").forEach(function (section) {
    var url = section.dataset.shareUrl;
    var title = section.dataset.shareTitle;
    var status = section.querySelector("[data-share-status]");
    var copyButton = section.querySelector("[data-share-copy]");
    var nativeButton = section.querySelector("[data-share-native]");

    function announce(text) {
      status.textContent = text;
    }

    if (copyButton && navigator.clipboard) {
      copyButton.hidden = false;
      copyButton.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(
          function () { announce(status.dataset.copiedText); },
          function () { announce(status.dataset.failedText); }
        );
      });
    }

    if (nativeButton && navigator.share) {
      nativeButton.hidden = false;
      nativeButton.addEventListener("click", function () {
        // A visitor closing the share sheet rejects the promise; that is not an error.
        navigator.share({ title: title, url: url }).catch(function () {});
      });
    }
  });
})();
