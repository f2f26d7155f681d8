// The case network with Cytoscape.js: zoom, filter by kind, fold and open groups, click an
// identifier to see the records that name it. Data from /cases/{id}/network.json (redacted,
// labels already in the reader's language). Every text goes in through textContent.
"use strict";

(function () {
  var BIG = 400; // nodes drawn: above this a cheap layout, not a force-directed one
  var COLOURS = {
    organiser: "#b3261e",
    recruiter: "#8a4b08",
    worker: "#1f5fa8",
    buyer: "#5b6b2f",
    other: "#6b6b6b",
    group: "#d0d0d0"
  };

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (cls) {
      node.className = cls;
    }
    return node;
  }

  function Network(container, data) {
    this.container = container;
    this.data = data;
    // Cytoscape keeps where its frame sits on the page; evidence loaded above the network
    // moves the frame without telling it, and a click then lands beside the node clicked.
    // Look again whenever the pointer comes in.
    container.addEventListener("pointerenter", function () {
      if (this.cy) {
        this.cy.resize();
      }
    }.bind(this));
    this.words = data.words || {};
    this.byId = {};
    this.members = {};
    var self = this;
    data.nodes.forEach(function (n) {
      self.byId[n.id] = n;
      (self.members[n.group] = self.members[n.group] || []).push(n);
    });
    this.open = {}; // groups opened by the reader
    this.folded = !!data.collapsed;
    this.hiddenKinds = {};
    this.cy = null;
  }

  // the node that stands for `n` now: itself, or its folded group
  Network.prototype.shown = function (n) {
    if (!this.folded || n.core || this.open[n.group] || this.members[n.group].length < 2) {
      return n.id;
    }
    return n.group;
  };

  Network.prototype.elements = function () {
    var self = this;
    var nodes = {};
    var edges = {};
    this.data.nodes.forEach(function (n) {
      if (self.hiddenKinds[n.kind]) {
        return;
      }
      var id = self.shown(n);
      if (id === n.id) {
        nodes[id] = {
          data: { id: n.id, label: n.label, kind: n.kind, role: n.role || "other", size: 18 + Math.min(22, n.degree * 2) }
        };
      } else if (!nodes[id]) {
        nodes[id] = {
          data: { id: id, label: self.data.groups[id] || id, kind: n.kind, role: "group", size: 34 },
          classes: "group"
        };
      }
    });
    this.data.edges.forEach(function (e) {
      var a = self.byId[e.source];
      var b = self.byId[e.target];
      if (!a || !b || self.hiddenKinds[a.kind] || self.hiddenKinds[b.kind]) {
        return;
      }
      var s = self.shown(a);
      var t = self.shown(b);
      if (s === t) {
        return;
      }
      var key = s + "|" + t + "|" + e.kind;
      if (edges[key]) {
        edges[key].data.count += e.count;
        edges[key].data.label = "";
        return;
      }
      edges[key] = { data: { id: "x" + Object.keys(edges).length, source: s, target: t, kind: e.kind, count: e.count, label: e.label } };
    });
    return Object.keys(nodes).map(function (k) { return nodes[k]; })
      .concat(Object.keys(edges).map(function (k) { return edges[k]; }));
  };

  Network.prototype.layout = function (count) {
    if (count > BIG) {
      return { name: "concentric", animate: false, minNodeSpacing: 4, concentric: function (n) { return n.degree(); } };
    }
    return { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 60; } };
  };

  Network.prototype.draw = function () {
    var elements = this.elements();
    if (this.cy) {
      this.cy.destroy();
    }
    var nodeCount = elements.filter(function (x) { return !x.data.source; }).length;
    this.cy = window.cytoscape({
      container: this.container,
      elements: elements,
      minZoom: 0.05,
      maxZoom: 2.5,
      textureOnViewport: nodeCount > BIG,
      hideEdgesOnViewport: nodeCount > BIG,
      style: [
        { selector: "node", style: {
          "background-color": function (n) { return COLOURS[n.data("role")] || COLOURS.other; },
          width: "data(size)", height: "data(size)",
          label: "data(label)", "font-size": 9, "text-valign": "bottom", "text-margin-y": 3,
          color: "#222", "text-background-color": "#fff", "text-background-opacity": 0.7,
          "text-background-padding": 1, "min-zoomed-font-size": 7
        } },
        { selector: "node.group", style: { shape: "round-rectangle", "border-width": 1, "border-color": "#888", "font-size": 10 } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": "#000" } },
        { selector: "edge", style: { width: 1, "line-color": "#9aa4b1", "curve-style": "bezier", "font-size": 8, "text-rotation": "autorotate", "min-zoomed-font-size": 8 } },
        { selector: "edge[kind = 'payment']", style: { "line-color": "#b5651d", "target-arrow-shape": "triangle", "target-arrow-color": "#b5651d", width: function (e) { return Math.min(6, 1 + Math.log(1 + e.data("count"))); } } },
        { selector: "edge[kind = 'identity']", style: { "line-style": "dashed" } },
        { selector: "edge:selected", style: { label: "data(label)", width: 3 } }
      ],
      layout: this.layout(nodeCount)
    });
    var self = this;
    this.cy.on("tap", "node", function (event) {
      var id = event.target.id();
      if (self.byId[id]) {
        self.describe(self.byId[id]);
      } else {
        self.openGroup(id);
      }
    });
    this.cy.on("tap", "edge", function (event) {
      event.target.select();
    });
  };

  Network.prototype.openGroup = function (group) {
    this.open[group] = true;
    this.draw();
    var panel = document.getElementById("network-panel");
    panel.textContent = "";
    var members = this.members[group] || [];
    panel.appendChild(el("h3", this.data.groups[group] || group));
    var list = el("ul");
    members.slice(0, 50).forEach(function (m) { list.appendChild(el("li", m.label)); });
    panel.appendChild(list);
  };

  Network.prototype.describe = function (n) {
    var w = this.words;
    var panel = document.getElementById("network-panel");
    panel.textContent = "";
    panel.appendChild(el("h3", n.label));
    var code = el("code", n.id.split(":").slice(1).join(":"));
    code.setAttribute("translate", "no");
    panel.appendChild(code);
    var facts = el("dl");
    [[w.kind, n.kind_word], [w.role, n.role_word || "–"], [w.links, n.degree]].forEach(function (pair) {
      facts.appendChild(el("dt", pair[0]));
      facts.appendChild(el("dd", pair[1]));
    });
    panel.appendChild(facts);
    if (n.reasons && n.reasons.length) {
      panel.appendChild(el("h4", w.why));
      var why = el("ul");
      n.reasons.forEach(function (r) { why.appendChild(el("li", r)); });
      panel.appendChild(why);
    }
    panel.appendChild(el("h4", w.records));
    if (!n.records.length) {
      panel.appendChild(el("p", w.none, "muted"));
    } else {
      var list = el("ul", null, "records");
      n.records.forEach(function (r) {
        var item = el("li", r);
        item.setAttribute("translate", "no");
        list.appendChild(item);
      });
      panel.appendChild(list);
      if (n.records_total > n.records.length) {
        panel.appendChild(el("p", (w.more || "").replace("%(num)s", n.records_total - n.records.length), "muted"));
      }
    }
    var token = n.id.split(":").slice(1).join(":");
    var select = document.getElementById("reveal-token");
    if (this.data.can_reveal && select && token.indexOf("#") > 0) {
      var button = el("button", w.reveal);
      button.type = "button";
      button.setAttribute("data-testid", "network-reveal");
      button.addEventListener("click", function () {
        select.value = token;
        var reason = document.getElementById("reveal-reason");
        if (reason) {
          reason.focus();
        }
      });
      panel.appendChild(button);
    }
  };

  function start() {
    var container = document.getElementById("network");
    var status = document.getElementById("network-status");
    if (!container || !window.cytoscape) {
      return;
    }
    status.textContent = status.getAttribute("data-loading") || "";
    fetch(container.getAttribute("data-src"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (answer) {
        if (!answer.ok) {
          throw new Error(String(answer.status));
        }
        return answer.json();
      })
      .then(function (data) {
        var network = new Network(container, data);
        network.draw();
        status.textContent = "";
        container.setAttribute("data-ready", "true");
        window.redflagsNetwork = network; // for the browser tests
        bind(network);
      })
      .catch(function () {
        status.textContent = status.getAttribute("data-failed") || "";
      });
  }

  function bind(network) {
    function on(id, handler) {
      var button = document.getElementById(id);
      if (button) {
        button.addEventListener("click", handler);
      }
    }
    on("network-expand", function () { network.folded = false; network.draw(); });
    on("network-collapse", function () { network.folded = true; network.open = {}; network.draw(); });
    on("network-fit", function () { network.cy.fit(undefined, 20); });
    on("network-zoom-in", function () { network.cy.zoom({ level: network.cy.zoom() * 1.25, renderedPosition: { x: network.container.clientWidth / 2, y: network.container.clientHeight / 2 } }); });
    on("network-zoom-out", function () { network.cy.zoom({ level: network.cy.zoom() / 1.25, renderedPosition: { x: network.container.clientWidth / 2, y: network.container.clientHeight / 2 } }); });
    document.querySelectorAll('.network-tools input[name="kind"]').forEach(function (box) {
      box.addEventListener("change", function () {
        network.hiddenKinds[box.value] = !box.checked;
        network.draw();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
