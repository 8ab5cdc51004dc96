/*
 * Quick exit, after GOV.UK's "Exit this page" component: the button, or Shift pressed three
 * times, blanks this page at once and replaces it with a neutral site, so Back does not bring
 * it back. Standalone on purpose: it must work before, and without, the theme's JavaScript.
 * Without any JavaScript the button is still a plain link to the neutral site.
 * Strings come from the button's data attributes, in the page's language.
 *
 * The page loads this file in <head>, before anything else runs, so it listens for Shift from
 * the start. It finds the button and its status line by their ids, which the site's templates
 * give them ahead of any page content, so no markup further down the page can stand in for them.
 */
(function () {
  "use strict";
  var PRESSES = 3;
  var WINDOW_MS = 5000; // presses further apart than this start again
  var count = 0;
  var timer = null;

  function button() {
    return document.getElementById("fs-quick-exit");
  }

  function say(text) {
    var status = document.getElementById("fs-quick-exit-status");
    if (status) status.textContent = text || "";
  }

  // Chinese input methods switch between Chinese and Latin letters with Shift, so in a text
  // field Shift presses are typing, not a request to leave; there the button still works.
  function typing(event) {
    var target = event.target;
    if (event.isComposing || !target || !target.tagName) return false;
    return /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable;
  }

  function leave() {
    var link = button();
    if (!link) return;
    // Blank first, before the network does anything: hide everything on the page...
    var children = document.body.children;
    for (var i = 0; i < children.length; i++) {
      children[i].style.setProperty("display", "none", "important");
    }
    document.documentElement.style.setProperty("background", "#fff", "important");
    document.title = "";
    // ...and tell screen reader users what is happening, in the page's language.
    var alert = document.createElement("p");
    alert.setAttribute("role", "alert");
    alert.className = "fs-vh";
    alert.textContent = link.getAttribute("data-leaving");
    document.body.appendChild(alert);
    // replace(), not assign(): this page leaves the history, so Back does not return to it.
    window.location.replace(link.href);
  }

  document.addEventListener("click", function (event) {
    var link = button();
    if (link && event.target instanceof Node && link.contains(event.target)) {
      event.preventDefault();
      leave();
    }
  });

  // The help bar's height, for a phone's full-screen search to start below it, so the exit
  // stays on screen while she searches (public.css). It changes with larger text.
  document.addEventListener("DOMContentLoaded", function () {
    var bar = document.querySelector(".fs-help");
    if (!bar || !window.ResizeObserver) return;
    new ResizeObserver(function () {
      var bottom = bar.getBoundingClientRect().height;
      document.documentElement.style.setProperty("--fs-help-bottom", bottom + "px");
    }).observe(bar);
  });

  document.addEventListener(
    "keydown",
    function (event) {
      if (event.key !== "Shift" || typing(event)) {
        count = 0; // Shift as part of typing a capital letter does not count
        return;
      }
      if (event.repeat) return;
      var link = button();
      if (!link) return;
      count += 1;
      window.clearTimeout(timer);
      if (count >= PRESSES) {
        count = 0;
        leave();
        return;
      }
      say(link.getAttribute(count === 1 ? "data-two-more" : "data-one-more"));
      timer = window.setTimeout(function () {
        count = 0;
        say(link.getAttribute("data-cancelled"));
      }, WINDOW_MS);
    },
    true
  );
})();
