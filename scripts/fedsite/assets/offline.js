/*
 * Register the site's service worker (sw.js at the site's root, written by the build), so that
 * the core pages and the pages she visited open without a connection. Browsers without service
 * workers (some in-app browsers) simply skip this: the site works the same, only not offline.
 */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !document.currentScript) {
    return;
  }
  // This file is assets/fedsite/offline.<hash>.js: the site's root is two folders up.
  var root = new URL("../../", document.currentScript.src);
  window.addEventListener("load", function () {
    navigator.serviceWorker
      .register(new URL("sw.js", root).href, { scope: root.pathname, updateViaCache: "none" })
      .then(function (registration) {
        // Ask for a new worker on every visit, not when the browser gets round to it: a
        // deploy then reaches her on this visit (pages come from the network anyway).
        return registration.update();
      })
      .catch(function () {
        // No worker (a preview, a browser that refuses it): nothing is lost but offline use.
      });
  });
})();
