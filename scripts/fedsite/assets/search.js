/*
 * Search that costs nothing until it is used, in the page's own language, and help first.
 *
 * Material's bundle (9.x) downloads the search index and starts its search worker on every
 * page view: on a phone, the largest download of a page, for a box most visitors never open.
 * Material has no setting for this, so this script, which runs before the (deferred) bundle,
 * holds both back until search is opened (the search toggle, or focus in the box), and sends
 * the index request to the index of the page's language (data-index): the build splits
 * Material's one index per language (fedsite/search/index.py).
 *
 * Also: Material searches on keyup only, so text that arrives without key events (paste, voice,
 * a Chinese input method's commit) searches too; and when the query is a word of someone in
 * danger (data/search.yml, help: true), the helplines show above the results.
 *
 * Without this script (or JavaScript), Material's search works as it does on its own.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.dataset.index || !window.XMLHttpRequest) {
    return;
  }
  var indexUrl = new URL(script.dataset.index, document.baseURI).href;
  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;
  var QUERY = 2; // Material's worker message: a search
  var HAN = /[\u3400-\u9fff]+/g;
  var END = "\u3007"; // 〇: Chinese script, and in no word of the index
  var SUFFIXES = ["ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "s"];
  var english = /^en\b/.test(document.documentElement.lang);

  var opened = false;
  var waiting = [];
  function whenOpened(go) {
    if (opened) {
      go();
    } else {
      waiting.push(go);
    }
  }
  function open() {
    if (!opened) {
      opened = true;
      waiting.splice(0).forEach(function (go) {
        go();
      });
    }
  }
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) {
      open();
    }
  });
  document.addEventListener("focusin", function (event) {
    if (isSearchBox(event.target)) {
      open();
    }
  });

  // The index: this language's, asked for when search opens.
  var send = XMLHttpRequest.prototype.send;
  var openRequest = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    this.fsDeferred = INDEX.test(new URL(String(url), document.baseURI).pathname);
    if (this.fsDeferred) {
      args[1] = indexUrl;
      // Before Material's own listener, which ends the request (its response is gone after).
      var request = this;
      request.addEventListener("load", function () {
        var body = request.response;
        if (body instanceof Blob) {
          body.text().then(learn);
        } else if (typeof body === "string") {
          learn(body);
        }
      });
    }
    return openRequest.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.fsDeferred) {
      return send.apply(request, args);
    }
    whenOpened(function () {
      send.apply(request, args);
    });
  };

  // The Chinese words of the index, to put a query into them (see query()).
  var vocabulary = null;
  function learn(text) {
    try {
      var index = JSON.parse(text);
      var words = new Set();
      index.docs.forEach(function (doc) {
        [doc.title, doc.text].concat(doc.tags || []).join(" ").split(/[^\u3400-\u9fff]+/).forEach(function (word) {
          if (word) {
            words.add(word);
          }
        });
      });
      vocabulary = words;
    } catch (error) {
      vocabulary = null;
    }
  }

  // Material's search worker: started by its first message (the index, so after opening).
  var NativeWorker = window.Worker;
  if (NativeWorker && window.EventTarget) {
    var LazyWorker = function (url, options) {
      if (!WORKER.test(new URL(String(url), document.baseURI).pathname)) {
        return new NativeWorker(url, options);
      }
      var proxy = new EventTarget();
      var worker = null;
      proxy.postMessage = function (message, transfer) {
        if (message && message.type === QUERY && typeof message.data === "string") {
          message = { type: QUERY, data: query(message.data) };
        }
        if (!worker) {
          worker = new NativeWorker(url, options);
          worker.addEventListener("message", function (event) {
            proxy.dispatchEvent(new MessageEvent("message", { data: event.data }));
          });
        }
        worker.postMessage(message, transfer || []);
      };
      proxy.terminate = function () {
        if (worker) {
          worker.terminate();
        }
      };
      return proxy;
    };
    LazyWorker.prototype = NativeWorker.prototype;
    window.Worker = LazyWorker;
  }

  // What the worker is asked, from what she typed (the box keeps her words).
  function query(typed) {
    var asked = typed.replace(HAN, chineseWords);
    return english ? asked.replace(/[A-Za-z]+/g, stem) : asked;
  }

  // Material's worker splits a run of Chinese characters into words of the index, but never
  // looks at the run's last character (a loop bound in 9.x: "家暴" became "家", which found
  // every page with 家庭). So the run is put into the index's words here, each followed by a
  // character that is in no word (which the worker then drops): a word of the index as it
  // is, the words that start with it ("龙都" finds 龙都街道), or else its longest words.
  function chineseWords(run) {
    if (!vocabulary) {
      return run + END;
    }
    if (vocabulary.has(run)) {
      return run + END;
    }
    var longer = [];
    vocabulary.forEach(function (word) {
      if (word.indexOf(run) === 0) {
        longer.push(word);
      }
    });
    if (longer.length) {
      longer.sort(function (a, b) {
        return a.length - b.length;
      });
      return longer.slice(0, 3).join(END + " ") + END;
    }
    var words = [];
    for (var start = 0; start < run.length; ) {
      var end = run.length;
      while (end > start + 1 && !vocabulary.has(run.slice(start, end))) {
        end--;
      }
      var word = run.slice(start, end);
      words.push(vocabulary.has(word) ? word + END : word);
      start = end;
    }
    return words.join(" ");
  }

  // English words by their stem: Material matches each word as a prefix ("train*"), so a
  // shorter stem finds every form ("trainings" finds "training"). lunr's own stemmer cannot
  // be used for this: the worker never stems a prefix search.
  function stem(word) {
    var lower = word.toLowerCase();
    for (var i = 0; i < SUFFIXES.length; i++) {
      var suffix = SUFFIXES[i];
      var rest = lower.slice(0, -suffix.length);
      if (
        lower.length > suffix.length &&
        lower.slice(-suffix.length) === suffix &&
        rest.length >= 4 &&
        !(suffix === "s" && /s$/.test(rest))
      ) {
        return rest;
      }
    }
    return lower;
  }

  function isSearchBox(element) {
    return element instanceof HTMLInputElement && element.classList.contains("md-search__input");
  }

  // Text without key events searches too; words of danger put the helplines first.
  document.addEventListener("input", function (event) {
    if (isSearchBox(event.target)) {
      event.target.dispatchEvent(new KeyboardEvent("keyup"));
      showHelp(event.target.value);
    }
  });
  document.addEventListener("reset", function (event) {
    if (event.target.name === "search") {
      showHelp("");
    }
  });

  function showHelp(query) {
    var help = document.querySelector(".fs-search-help");
    if (!help) {
      return;
    }
    var words = (help.dataset.words || "").split("\n").filter(Boolean);
    var typed = query.trim().toLowerCase().replace(/\s+/g, " ");
    // Two Chinese characters, or three letters, are enough to start matching a word.
    var enough = /[\u4e00-\u9fff]/.test(typed) ? 2 : 3;
    help.hidden = !words.some(function (word) {
      return (
        (typed && typed.indexOf(word) !== -1) ||
        (typed.length >= enough && word.indexOf(typed) === 0)
      );
    });
  }
})();
