// Emscripten JS library: paper. The QR code as SVG (shared with the kiosk receipt, web/kiosk.js)
// and the service report (售后服务报告单, #print-report), shown only by the print stylesheet in
// shell/portal.css while the browser prints it. Everything is built with DOM calls (no markup from
// strings): the texts are the customer's, the engineer's or the server's and never become HTML.
mergeInto(LibraryManager.library, {
  $AftercarePrint: {
    element: function (tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    },

    // The code's dark modules (an SVG path in module units, made by the wasm) on white, with the
    // standard's 4-module quiet zone. data-qr-text says what it holds, for tests and support staff.
    qrSvg: function (className, size, path, label, text) {
      var NS = 'http://www.w3.org/2000/svg';
      var quiet = 4;
      var side = size + quiet * 2;
      var svg = document.createElementNS(NS, 'svg');
      svg.setAttribute('class', className);
      svg.setAttribute('viewBox', '0 0 ' + side + ' ' + side);
      svg.setAttribute('shape-rendering', 'crispEdges');
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', label);
      svg.setAttribute('data-qr-text', text);
      svg.setAttribute('data-qr-size', String(size));
      var background = document.createElementNS(NS, 'rect');
      background.setAttribute('width', String(side));
      background.setAttribute('height', String(side));
      background.setAttribute('fill', '#fff');
      svg.appendChild(background);
      var dark = document.createElementNS(NS, 'path');
      dark.setAttribute('transform', 'translate(' + quiet + ' ' + quiet + ')');
      dark.setAttribute('d', path);
      dark.setAttribute('fill', '#000');
      svg.appendChild(dark);
      return svg;
    },

    fillReport: function (r) {
      var self = AftercarePrint;
      var report = document.getElementById('print-report');
      if (!report) {
        report = self.element('article');
        report.id = 'print-report';
        document.body.appendChild(report);
      }
      report.replaceChildren();
      report.setAttribute('lang', r.lang);
      report.setAttribute('aria-hidden', 'true');  // paper only; the screen shows the same report

      var header = self.element('header', 'report-header');
      var titles = self.element('div', 'report-titles');
      titles.appendChild(self.element('div', 'report-vendor', r.vendor));
      titles.appendChild(self.element('h1', 'report-title', r.title));
      titles.appendChild(self.element('div', 'report-number', r.numberLabel + ' ' + r.serviceNumber));
      header.appendChild(titles);
      if (r.qrSize > 0) {
        var qr = self.element('figure', 'report-qr');
        qr.appendChild(self.qrSvg('report-qr-code', r.qrSize, r.qrPath, r.scanHint, r.trackingUrl));
        qr.appendChild(self.element('figcaption', '', r.scanHint));
        header.appendChild(qr);
      }
      report.appendChild(header);

      r.sections.forEach(function (section) {
        var block = self.element('section', 'report-section');
        block.appendChild(self.element('h2', '', section.heading));
        var table = self.element('table');
        section.rows.forEach(function (row) {
          var tr = self.element('tr');
          tr.appendChild(self.element('th', '', row[0]));
          tr.appendChild(self.element('td', '', row[1]));
          table.appendChild(tr);
        });
        block.appendChild(table);
        report.appendChild(block);
      });

      var signatures = self.element('footer', 'report-signatures');
      r.signatures.forEach(function (label) { signatures.appendChild(self.element('div', 'report-sign', label)); });
      report.appendChild(signatures);
    },
  },

  aftercare_print_report__deps: ['$AftercarePrint'],
  aftercare_print_report: function (json) {
    AftercarePrint.fillReport(JSON.parse(UTF8ToString(json)));
    // Only the report is on paper while it prints; the receipt (kiosk) keeps its own rule.
    document.documentElement.classList.add('printing-report');
    window.addEventListener('afterprint', function done() {
      document.documentElement.classList.remove('printing-report');
      window.removeEventListener('afterprint', done);
    });
    // After this task: the report is laid out before the print dialog takes its snapshot.
    setTimeout(function () { window.print(); }, 0);
  },
});
