/*
 * Larger text and high contrast, on request (MIIT's ageing-friendly web design spec).
 *
 * The page loads this file in <head>, so a choice applies before the page is painted. It sets
 * data-fs-text="large" and data-fs-contrast="high" on <html>; the style sheet does the rest.
 * A choice lasts for the visit: it is kept in sessionStorage, which the browser empties when it
 * is closed (the safety page says so). A system that asks for more contrast gets it without
 * any choice being stored. Without JavaScript the buttons stay hidden: the browser's own zoom
 * and contrast settings still work.
 */
(function () {
  "use strict";
  var KEY = "fs-display";
  var root = document.documentElement;
  var ATTRIBUTES = { text: ["data-fs-text", "large"], contrast: ["data-fs-contrast", "high"] };

  function stored() {
    try {
      return JSON.parse(window.sessionStorage.getItem(KEY)) || {};
    } catch (error) {
      return {}; // storage blocked (private mode in some browsers): choices last for the page
    }
  }

  function store(choices) {
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(choices));
    } catch (error) {
      /* see stored() */
    }
  }

  function apply(choices) {
    for (var name in ATTRIBUTES) {
      var attribute = ATTRIBUTES[name];
      if (choices[name]) root.setAttribute(attribute[0], attribute[1]);
      else root.removeAttribute(attribute[0]);
    }
  }

  var choices = stored();
  if (choices.contrast === undefined && window.matchMedia) {
    choices.contrast = window.matchMedia("(prefers-contrast: more)").matches;
  }
  apply(choices);

  function connect() {
    var group = document.querySelector(".fs-display");
    if (!group) return;
    var buttons = group.querySelectorAll("[data-fs-display]");
    for (var i = 0; i < buttons.length; i++) {
      var button = buttons[i];
      var name = button.getAttribute("data-fs-display");
      button.setAttribute("aria-pressed", String(Boolean(choices[name])));
      button.addEventListener("click", function (event) {
        var pressed = event.currentTarget;
        var which = pressed.getAttribute("data-fs-display");
        choices[which] = !choices[which];
        pressed.setAttribute("aria-pressed", String(choices[which]));
        apply(choices);
        store(choices);
      });
    }
    group.hidden = false;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", connect);
  } else {
    connect();
  }
})();
