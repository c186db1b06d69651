// The drawn map: one function shared by the offline page (inlined there) and the app (a
// components-v2 element that stays mounted and is handed only new data, so a redraw
// neither reloads vis-network nor rebuilds a page). Every text from the data reaches the
// screen through textContent or a canvas label: nothing here turns a string into HTML.
// Positions are fixed and physics is off, so a picture appears at once and holds still.
function tiesMap(root, onSelect) {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, id, text) {
    var e = document.createElement(tag);
    if (id) e.id = id;
    if (text) e.textContent = text;
    return e;
  }
  function shape(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function button(id, text, title) {
    var b = el("button", id, text);
    b.type = "button";
    b.title = title;
    return b;
  }
  function safeUrl(url) {
    if (!/^https?:\/\//i.test(url || "")) return null;
    try { var u = new URL(url); return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null; }
    catch (err) { return null; }
  }
  function rgba(hex, alpha) {
    var v = parseInt(hex.slice(1), 16);
    return "rgba(" + (v >> 16) + "," + ((v >> 8) & 255) + "," + (v & 255) + "," + alpha + ")";
  }

  // The frame of the map: stage (network, caption, details, tools) over the legend.
  root.classList.add("ties-map");
  root.textContent = "";
  var stage = el("div", "ties-stage");
  var canvas = el("div", "ties-net");
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", "Network of ties between states. A table of the same ties is given beside it.");
  var caption = el("div", "ties-caption");
  var voice = el("div", "ties-voice");  // "Who says so?": the chosen voice's sentences
  voice.setAttribute("aria-live", "polite");
  var empty = el("div", "ties-empty", "No ties match these filters.");
  var details = el("aside", "ties-details");
  details.setAttribute("aria-live", "polite");
  var tools = el("div", "ties-tools");
  var reset = button("ties-reset", "Reset layout", "Put dragged countries back in their places");
  var png = button("ties-png", "Save PNG", "Save the map as a 1920×1080 picture");
  var credit = el("div", "ties-credit");
  var legend = el("div", "ties-legend");
  legend.setAttribute("aria-label", "Legend");
  tools.append(reset, png);
  stage.append(canvas, caption, empty, details, tools, credit);
  root.append(stage, voice, legend);  // the sentences sit between map and legend, over no country

  var network = null, nodes = null, edges = null, data = null;
  var tips = {}, home = {}, shown = null, labelPx = 15, options = null;
  var placer = tiesLabels(), base = typeof TIES_WORLD === "undefined" ? null : tiesBaseMap(TIES_WORLD);
  var shaded = {}, active = null, selected = null;
  // What vis-network does not keep of ours: per node its name, rank and focus; per line
  // its width before zoom, double line and status note.
  var nodeInfo = {}, edgeInfo = {};

  function tipElement(tip, withLink) {
    var box = el("div");
    box.appendChild(el("div", "", tip.title)).className = "tip-title";
    tip.lines.forEach(function (line) { box.appendChild(el("div", "", line)); });
    if (tip.text) box.appendChild(el("div", "", tip.text)).className = "tip-text";
    if (tip.history) {  // a claim's history: each change, the one of the day marked, with its source
      var past = el("div", "", "What was claimed and denied, and when:");
      past.className = "tip-text tip-history";
      tip.history.forEach(function (h) {
        var line = el("div", "", (h.now ? "▶ " : "") + h.text + " ");
        if (h.now) line.className = "now";
        var href = withLink ? safeUrl(h.url) : null;
        if (href) {
          var a = el("a", "", "(source)");
          a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer";
          line.appendChild(a);
        }
        past.appendChild(line);
      });
      box.appendChild(past);
    }
    (tip.items || []).forEach(function (item) {  // a line that stands for several ties
      var part = tipElement(item, withLink);
      part.className = "tip-item";
      box.appendChild(part);
    });
    if (tip.url) {
      var line = el("div", "", "Source: ");
      line.className = "tip-text";
      var href = withLink ? safeUrl(tip.url) : null;
      if (href) {
        var a = el("a", "", tip.source);
        a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer";
        line.appendChild(a);
      } else {
        line.appendChild(document.createTextNode(tip.source + (withLink ? "" : " (click for the link)")));
      }
      box.appendChild(line);
    }
    return box;
  }

  function drawLegend(rows, blocs) {
    legend.textContent = "";
    rows.forEach(function (row) {
      var item = el("span");
      item.className = "item";
      var pic = shape("svg", { width: 58, height: 14, "aria-hidden": "true" });
      var line = shape("line", { x1: 2, y1: 7, x2: row.arrow ? 46 : 56, y2: 7, stroke: row.colour,
                                  "stroke-width": row.double ? 7 : 3 });
      if (row.dashes) line.setAttribute("stroke-dasharray", row.dashes);
      pic.appendChild(line);
      if (row.double) pic.appendChild(shape("line", { x1: 2, y1: 7, x2: 56, y2: 7, stroke: "#ffffff", "stroke-width": 2.4 }));
      if (row.strike) {  // pale, crossed out in the middle, as on the map
        line.setAttribute("stroke-opacity", "0.45");
        pic.appendChild(shape("path", { d: "M23,1 L35,13 M35,1 L23,13", stroke: "#111111", "stroke-width": 2.5 }));
      }
      if (row.arrow) pic.appendChild(shape("polygon", { points: "46,2 56,7 46,12", fill: row.colour }));
      var hint = el("span", "", row.hint);
      hint.className = "hint";
      item.append(pic, el("strong", "", row.label), hint);
      legend.appendChild(item);
    });
    var note = el("span", "", "Faded line with a label: alleged or disputed. One line may stand for " +
                  "several ties of a kind. Click a line or a country for details and the source.");
    note.className = "hint";
    legend.appendChild(note);
    blocs.forEach(function (bloc) {
      var item = el("span");
      item.className = "item";
      var pic = shape("svg", { width: 16, height: 16, "aria-hidden": "true" });
      pic.appendChild(shape("circle", { cx: 8, cy: 8, r: 7, fill: bloc[1], stroke: "#1F3B57" }));
      item.append(pic, document.createTextNode(bloc[0]));
      legend.appendChild(item);
    });
  }

  // Styles come once per page (one per kind of line), sources once per distinct source.
  // Node names are drawn by the label placement, not by vis-network (`name`, not `label`).
  function prepare(d) {
    var names = {};
    tips = {};
    nodeInfo = {};
    edgeInfo = {};
    d.nodes.forEach(function (n) {
      names[n.id] = n.label;
      nodeInfo[n.id] = { name: n.label, rank: n.rank || 0, focus: !!n.focus };
      delete n.label;
    });
    function source(tip) {
      tip.url = d.sources[tip.src][0];
      tip.source = d.sources[tip.src][1];
      (tip.history || []).forEach(function (h) { h.url = d.sources[h.src][0]; });
    }
    d.edges.forEach(function (e) {
      var s = d.styles[e.kind];
      var ends = names[e.from] + (s.arrow ? " → " : " — ") + names[e.to];
      if (e.tip.src !== undefined) {  // a tie: its two ends and its source, as data says
        e.tip.lines.unshift(ends);
        source(e.tip);
      } else if (e.tip.items) {  // several ties drawn as one line: each with its source
        e.tip.lines.unshift(ends);
        e.tip.items.forEach(source);
      }
      e.color = { color: rgba(s.color, e.alpha === undefined ? 1 : e.alpha), highlight: s.color, hover: s.color };
      e.dashes = s.dashes;
      e.width = s.width * (e.wide ? 2 : 1);
      edgeInfo[e.id] = { base: e.width, double: s.double, strike: !!e.struck, note: e.note || "", color: e.color.color,
                         faded: rgba(s.color, 0.12), alpha: e.alpha === undefined ? 1 : e.alpha };
      e.arrows = { to: { enabled: s.arrow, scaleFactor: 0.8 } };
    });
    d.nodes.forEach(function (n) { tips["n:" + n.id] = n.tip; delete n.tip; n.title = tipElement(tips["n:" + n.id], false); });
    d.edges.forEach(function (e) { tips["e:" + e.id] = e.tip; delete e.tip; e.title = tipElement(tips["e:" + e.id], false); });
  }

  function show(key) {
    shown = key;
    details.textContent = "";
    var close = el("button", "", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close details");
    close.addEventListener("click", function () { details.hidden = true; shown = null; });
    details.append(close, tipElement(tips[key], true));
    addActions(key);
    details.hidden = false;
  }

  // Lines keep some width on screen when the map is zoomed out (vis scales them with it).
  function keepLinesVisible(net) {
    var scale = net.getScale();
    var factor = scale < 1 ? Math.pow(scale, -0.6) : 1;
    net.body.edgeIndices.forEach(function (id) {
      var info = edgeInfo[id];
      if (info) net.body.edges[id].options.width = info.base * factor;
    });
  }

  // A hovered or selected country brings its lines forward and fades the others.
  function activate(id) {
    if (active === id || !network) return;
    active = id;
    var body = network.body, near = {}, front = [], back = [];
    body.edgeIndices.forEach(function (k) {
      var e = body.edges[k], mine = id !== null && (e.fromId === id || e.toId === id), info = edgeInfo[k];
      if (!info) return;
      info.dim = id !== null && !mine;
      e.options.color.color = info.dim ? info.faded : info.color;
      (mine ? front : back).push(k);
      if (mine) { near[e.fromId] = true; near[e.toId] = true; }
    });
    body.edgeIndices.splice.apply(body.edgeIndices, [0, body.edgeIndices.length].concat(back, front));
    activeNear = id === null ? {} : near;
    network.redraw();
  }
  var activeNear = {};

  // The white core of a double line, between the two dots (drawn over the line).
  function drawCores(net, ctx) {
    net.body.edgeIndices.forEach(function (k) {
      var e = net.body.edges[k];
      if (!edgeInfo[k] || !edgeInfo[k].double || !e.connected) return;
      var from = e.from, to = e.to, points = [];
      for (var t = 0; t <= 1.0001; t += 0.025) {
        var p = e.edgeType.getPoint(t);
        if (Math.hypot(p.x - from.x, p.y - from.y) > from.options.size &&
            Math.hypot(p.x - to.x, p.y - to.y) > to.options.size) points.push(p);
      }
      if (points.length < 2) return;
      ctx.save();
      ctx.globalAlpha = edgeInfo[k].dim ? 0.12 : edgeInfo[k].alpha;
      ctx.strokeStyle = "#ffffff";
      ctx.lineWidth = e.options.width * 0.36;
      ctx.beginPath();
      ctx.moveTo(points[0].x, points[0].y);
      points.slice(1).forEach(function (p) { ctx.lineTo(p.x, p.y); });
      ctx.stroke();
      ctx.restore();
    });
  }

  // A line the chosen voice denies is crossed out twice, a third of the way from each end,
  // so that it shows without hovering and beside the label in the middle.
  function drawStrikes(net, ctx) {
    var half = 7 / net.getScale();
    net.body.edgeIndices.forEach(function (k) {
      var e = net.body.edges[k];
      if (!edgeInfo[k] || !edgeInfo[k].strike || !e.connected) return;
      [0.3, 0.7].forEach(function (t) {
        var p = e.edgeType.getPoint(t);
        ctx.save();
        ctx.globalAlpha = edgeInfo[k].dim ? 0.2 : 1;
        ctx.lineCap = "round";
        [["#ffffff", 5.5], ["#111111", 2.5]].forEach(function (pen) {
          ctx.strokeStyle = pen[0];
          ctx.lineWidth = pen[1] / net.getScale();
          ctx.beginPath();
          ctx.moveTo(p.x - half, p.y - half); ctx.lineTo(p.x + half, p.y + half);
          ctx.moveTo(p.x + half, p.y - half); ctx.lineTo(p.x - half, p.y + half);
          ctx.stroke();
        });
        ctx.restore();
      });
    });
  }

  // Names beside the dots, placed by priority (`labels.js`), in screen pixels.
  var widths = {};
  function textWidth(ctx, font, text) {
    var key = font + "|" + text;
    if (!(key in widths)) { ctx.font = font; widths[key] = ctx.measureText(text).width; }
    return widths[key];
  }
  function drawLabels(net, ctx, px, record) {
    var body = net.body, scale = net.getScale(), frame = net.canvas.frame.canvas;
    var W = frame.clientWidth, H = frame.clientHeight, ratio = net.canvas.pixelRatio || 1;
    var marks = [], items = [], h = Math.round(px * 1.25);
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    body.nodeIndices.forEach(function (id) {
      var n = body.nodes[id], p = net.canvasToDOM({ x: n.x, y: n.y }), r = n.options.size * scale;
      var info = nodeInfo[id] || { name: String(id), rank: 0 };
      var focus = !!info.focus, font = (focus ? "700 " : "400 ") + px + "px system-ui, sans-serif";
      marks.push({ id: id, x: p.x, y: p.y, r: r });
      items.push({ id: id, text: info.name, font: font, w: textWidth(ctx, font, info.name), h: h,
                   x: p.x, y: p.y, r: r, always: focus || id === active || id === selected,
                   rank: info.rank + (id === active || id === selected ? 2e6 : activeNear[id] ? 1e6 : 0) });
    });
    items.sort(function (a, b) { return b.rank - a.rank; });
    var notes = [], small = Math.round(px * 0.8), smallFont = "italic " + small + "px system-ui, sans-serif";
    body.edgeIndices.forEach(function (k) {
      var e = body.edges[k];
      var note = edgeInfo[k] && edgeInfo[k].note;
      if (!note || !e.connected) return;
      var p = net.canvasToDOM(e.edgeType.getPoint(0.5));
      notes.push({ id: "e:" + k, text: note, font: smallFont, w: textWidth(ctx, smallFont, note),
                   h: Math.round(small * 1.25), x: p.x, y: p.y, r: 0, centred: true });
    });
    // On the live map, no name under the caption or the buttons drawn over it.
    var keepOut = !record ? [] : [caption, tools, credit].filter(function (el) {
      return !el.hidden && el.offsetHeight;
    }).map(function (el) {
      return { x0: el.offsetLeft, y0: el.offsetTop, x1: el.offsetLeft + el.offsetWidth, y1: el.offsetTop + el.offsetHeight };
    });
    var placed = placer.place(items.concat(notes), marks, W, H, keepOut);
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    placed.forEach(function (pl) {
      if (!pl.box.leader) return;  // a line from the dot's edge to the nearest point of its label
      var b = pl.box, it = pl.item;
      var tx = Math.max(b.x0, Math.min(it.x, b.x1)), ty = Math.max(b.y0, Math.min(it.y, b.y1));
      var d = Math.hypot(tx - it.x, ty - it.y) || 1;
      ctx.beginPath();
      ctx.moveTo(it.x + (tx - it.x) * it.r / d, it.y + (ty - it.y) * it.r / d);
      ctx.lineTo(tx, ty);
      ctx.lineWidth = 1;
      ctx.strokeStyle = "#555555";
      ctx.stroke();
    });
    placed.forEach(function (pl) {
      ctx.font = pl.item.font;
      ctx.lineWidth = 4;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.strokeText(pl.item.text, pl.box.x0, pl.box.y0 + 1);
      ctx.fillStyle = pl.item.centred ? "#333333" : "#111111";
      ctx.fillText(pl.item.text, pl.box.x0, pl.box.y0 + 1);
    });
    ctx.restore();
    if (record) {
      window.tiesLabels = placed.map(function (pl) {
        return { id: pl.item.id, text: pl.item.text, x: pl.box.x0, y: pl.box.y0,
                 w: pl.box.x1 - pl.box.x0, h: pl.box.y1 - pl.box.y0 };
      });
    }
  }

  // What is drawn around vis-network's own drawing: the base map under it, the cores of
  // double lines and the labels over it. Also used for the PNG's copy of the network.
  function decorate(net, px, record) {
    net.on("beforeDrawing", function (ctx) {
      keepLinesVisible(net);
      if (base && data && data.baseMap) base.draw(ctx, shaded, net.getScale());
    });
    net.on("afterDrawing", function (ctx) {
      drawCores(net, ctx);
      drawStrikes(net, ctx);
      drawLabels(net, ctx, px(), record);
    });
  }

  // The part of the stage where countries may be drawn: below the caption and above the
  // tools and the credit, which sit over the stage's top and bottom edges.
  function clear() {
    var w = canvas.clientWidth || 1, h = canvas.clientHeight || 1;
    var top = caption.hidden ? 0 : caption.offsetTop + caption.offsetHeight;
    var bottom = Math.max(tools.offsetHeight, credit.hidden ? 0 : credit.offsetHeight) + 8;
    if (top + bottom > h * 0.6) { top = Math.min(top, h * 0.3); bottom = Math.min(bottom, h * 0.3); }
    return { w: w, h: h, top: top, bottom: bottom };
  }

  // Show the box (x0, y0, x1, y1, in the layout's units) as large as fits in the clear
  // part of the stage, with room around it for the names, which are drawn beside the dots.
  function frame(box) {
    // Room for a name beside the outermost dots, and for one above or below them.
    var area = clear(), pad = 12 + labelPx * 0.8, padV = 8 + labelPx * 1.4;
    var room = { w: area.w * 0.88 - 2 * pad, h: area.h - area.top - area.bottom - 2 * padV };
    var scale = Math.min(room.w / Math.max(box[2] - box[0], 1), room.h / Math.max(box[3] - box[1], 1));
    scale = Math.max(0.02, Math.min(scale, 1.0));  // as vis-network's own fit: never past 1:1
    network.moveTo({ position: { x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2 }, scale: scale,
                     offset: { x: 0, y: (area.top - area.bottom) / 2 }, animation: false });
  }

  // Every country drawn, framed below the caption: a name at the top edge is never
  // hidden under it.
  function fit() {
    var ids = nodes.getIds();
    if (!ids.length) { network.fit({ animation: false }); return; }
    var at = network.getPositions(ids), box = [Infinity, Infinity, -Infinity, -Infinity];
    ids.forEach(function (id) {
      var p = at[id], r = (nodes.get(id).size || 10);
      box = [Math.min(box[0], p.x - r), Math.min(box[1], p.y - r), Math.max(box[2], p.x + r), Math.max(box[3], p.y + r)];
    });
    frame(box);
  }

  // A play through time shows one part of the layout in every frame (`extent`: x0, y0,
  // x1, y1), so nothing moves from frame to frame. vis-network fits the view to the new
  // nodes whenever it is given data, so the view is put back: as the user left it while
  // the part is the same, else framed on it.
  var framed = null;
  function frameExtent(box, camera) {
    var key = box.join(",");
    if (framed === key && camera) { network.moveTo({ position: camera.position, scale: camera.scale, animation: false }); return; }
    framed = key;
    frame(box);
  }

  function pick(params) {
    if (params.nodes.length) { show("n:" + params.nodes[0]); if (onSelect) onSelect("node", String(params.nodes[0])); }
    else if (params.edges.length) { show("e:" + params.edges[0]); if (onSelect) onSelect("edge", String(params.edges[0])); }
    else { details.hidden = true; shown = null; }
  }

  function create() {
    network = new vis.Network(canvas, { nodes: nodes, edges: edges }, data.options);
    decorate(network, function () { return labelPx; }, true);
    network.on("hoverNode", function (p) { activate(p.node); });
    network.on("blurNode", function () { activate(selected); });
    network.on("selectNode", function (p) { selected = p.nodes[0]; activate(selected); });
    network.on("deselectNode", function () { selected = null; activate(null); });
    network.on("click", pick);
    reset.addEventListener("click", function () {
      Object.keys(home).forEach(function (id) { network.moveNode(id, home[id].x, home[id].y); });
      framed = null;
      if (data.extent) frameExtent(data.extent, null); else fit();
    });
    png.addEventListener("click", savePng);
    focusWithoutScrolling();
    touchLock();
  }

  function savePng() {
    // Draw the same network once more, off screen, at projector resolution.
    var box = el("div");
    box.style.cssText = "position:fixed;left:-10000px;top:0;width:1920px;height:1080px;background:#fff";
    document.body.appendChild(box);
    var copy = new vis.Network(box, { nodes: new vis.DataSet(nodes.get()), edges: new vis.DataSet(edges.get()) },
                               data.options);
    decorate(copy, function () { return 26; }, false);
    copy.fit({ animation: false });
    copy.once("afterDrawing", function (ctx) {
      var link = el("a");
      link.download = "ties-between-states.png";
      link.href = poster(ctx.canvas).toDataURL("image/png");
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.pngBytes = link.href.length;
      copy.destroy();
      box.remove();
    });
    copy.redraw();
  }

  function draw(d) {
    data = d;
    prepare(d);
    root.classList.toggle("present", !!d.present);
    caption.textContent = d.caption || "";
    caption.hidden = !d.caption;
    voice.textContent = "";
    if (d.voice) {
      voice.appendChild(el("div", "", "Who says so? The map as " + d.voice + " says it:")).className = "tip-title";
      var who = d.voice.charAt(0).toUpperCase() + d.voice.slice(1);
      if (!(d.said || []).length) voice.appendChild(el("div", "", who + " claims or denies no contested tie shown."));
      var list = el("ul");
      (d.said || []).forEach(function (text) { list.appendChild(el("li", "", text)); });
      voice.appendChild(list);
    }
    voice.hidden = !d.voice;
    empty.hidden = d.nodes.length > 0;
    drawLegend(d.legend, d.blocs);
    // A projector's 26 px names would crowd a phone's map: at most 18 px there.
    labelPx = Math.min(d.labelPx || 15, root.clientWidth && root.clientWidth < 600 ? 18 : 99);
    shaded = {};
    (d.baseMap ? d.baseMap.shaded : []).forEach(function (i) { shaded[i] = true; });
    credit.textContent = d.baseMap && base ? [d.baseMap.note, base.credit].filter(Boolean).join(" · ") : "";
    credit.hidden = !credit.textContent;
    active = selected = null;
    activeNear = {};
    nodes = new vis.DataSet(d.nodes);
    edges = new vis.DataSet(d.edges);
    home = {};
    d.nodes.forEach(function (n) { home[n.id] = { x: n.x, y: n.y }; });
    // Options rarely change between views; setting them again would restyle every item.
    var changed = JSON.stringify(d.options) !== options;
    options = JSON.stringify(d.options);
    var camera = network ? { position: network.getViewPosition(), scale: network.getScale() } : null;
    if (!network) create();
    else {
      if (changed) network.setOptions(d.options);
      network.setData({ nodes: nodes, edges: edges });
    }
    if (d.extent) frameExtent(d.extent, camera); else { framed = null; fit(); }
    // What was open in the details stays open if it is still on the map.
    if (shown && tips[shown]) show(shown); else { details.hidden = true; shown = null; }
    window.network = network;
    window.tieNetwork = { nodes: nodes, edges: edges };
    var count = nodes.length;
    function drawn() {
      window.drawnAt = performance.now();
      window.drawnWall = Date.now();
      window.tiesDraws = (window.tiesDraws || 0) + 1;  // tests and the load test count these
      root.setAttribute("data-drawn", String(count));
    }
    if (count) network.once("afterDrawing", drawn); else drawn();
  }

  // ---- The app's actions and touch handling (kept apart from the drawing above) ----

  // A country's details offer "Focus on this country": a click only selects.
  function addActions(key) {
    if (!onSelect || key.slice(0, 2) !== "n:") return;
    var id = key.slice(2);
    var go = button("ties-focus", "Focus on this country", "Show only the ties around it (Back returns here)");
    go.className = "ties-action";
    go.addEventListener("click", function () { onSelect("focus", id); });
    var note = el("div", "", "Its profile is open in the tab below the map.");
    note.className = "tip-text";
    details.append(go, note);
  }

  // vis-network focuses the map when the pointer rests on a country (for its keyboard
  // keys); a plain focus() scrolls the page to show the whole map, which moves the country
  // away from under the pointer just before the click lands.
  function focusWithoutScrolling() {
    var frame = network.canvas.frame;
    frame.focus = function () { HTMLElement.prototype.focus.call(frame, { preventScroll: true }); };
  }

  // On a touch screen one finger scrolls the page past the map; two fingers zoom it, and
  // after a tap on the map one finger moves it, until a tap elsewhere on the page.
  function touchLock() {
    if (!window.matchMedia || !window.matchMedia("(pointer: coarse)").matches) return;
    var hint = el("div", "ties-touch");
    stage.appendChild(hint);
    function lock(locked) {
      root.classList.toggle("ties-locked", locked);
      network.setOptions({ interaction: { dragView: !locked } });
      canvas.querySelectorAll("div.vis-network, canvas").forEach(function (c) { c.style.touchAction = locked ? "pan-y" : "none"; });
      hint.textContent = locked ? "Tap the map to move it; two fingers zoom" : "Moving the map: tap the page to scroll";
    }
    // A finger that rests a moment is a tap too (a busy phone may see any tap that way).
    network.on("hold", pick);
    ["click", "hold"].forEach(function (name) {
      network.on(name, function () { if (root.classList.contains("ties-locked")) lock(false); });
    });
    document.addEventListener("touchstart", function (event) {
      if (!root.contains(event.target) && !root.classList.contains("ties-locked")) lock(true);
    }, { passive: true });
    root.tiesLock = lock;
    lock(true);
  }

  // Words in lines no wider than `width`, at most `most` lines (the last one cut short).
  function wrap(c, text, width, most) {
    var lines = [], line = "";
    text.split(/\s+/).filter(Boolean).forEach(function (word) {
      var next = line ? line + " " + word : word;
      if (line && c.measureText(next).width > width) { lines.push(line); line = word; } else line = next;
    });
    if (line) lines.push(line);
    if (lines.length > most) { lines = lines.slice(0, most); lines[most - 1] += " …"; }
    return lines;
  }

  // The saved picture stands alone: opaque white, with the caption, the date, the
  // legend and a credit for the data, over the drawn network.
  function poster(drawn) {
    var out = document.createElement("canvas");
    var w = drawn.width, h = drawn.height, pad = 24, font = "system-ui, sans-serif";
    var rows = (data.legend || []).concat((data.blocs || []).map(function (b) {
      return { label: b[0], colour: b[1], bloc: true };
    }));
    var legendH = 48 * Math.ceil(rows.length / 4);
    var c = out.getContext("2d");
    c.font = "26px " + font;
    var lines = wrap(c, [data.story].concat(data.said || []).filter(Boolean).join(" "), w - 2 * pad, 4);
    var top = 64 + 34 * lines.length + (lines.length ? 10 : 0);
    out.width = w;
    out.height = h + top + legendH + 52;
    c.fillStyle = "#ffffff";
    c.fillRect(0, 0, out.width, out.height);
    c.fillStyle = "#111111";
    c.font = "600 34px " + font;
    c.fillText(data.caption || "Ties between states", pad, 46, w - 2 * pad);
    c.font = "26px " + font;
    lines.forEach(function (line, i) { c.fillText(line, pad, 90 + 34 * i); });
    c.drawImage(drawn, 0, top);
    rows.forEach(function (row, i) {
      var x = pad + (i % 4) * (w - 2 * pad) / 4, y = top + h + 30 + 48 * Math.floor(i / 4);
      c.strokeStyle = c.fillStyle = row.colour;
      if (row.bloc) { c.beginPath(); c.arc(x + 30, y, 12, 0, 2 * Math.PI); c.fill(); }
      else {
        c.lineWidth = 5;
        c.setLineDash(row.dashes ? row.dashes.split(" ").map(Number) : []);
        c.beginPath(); c.moveTo(x, y); c.lineTo(x + 60, y); c.stroke();
        c.setLineDash([]);
      }
      c.fillStyle = "#111111";
      c.font = "24px " + font;
      c.fillText(row.label, x + 72, y + 8);
    });
    c.fillStyle = "#333333";
    c.font = "20px " + font;
    c.fillText(data.credit || "", pad, out.height - 18);
    return out;
  }

  return { draw: draw };
}
