/// Writes a ``TimelineLayout`` as one self-contained HTML page: the timeline as an inline SVG
/// image, the same timeline as a table (for screen readers, search and copying), the invoice's
/// payments, and the cadence's settings.
///
/// The page loads nothing and runs no script: it can be opened from disk or attached to an
/// e-mail. Every piece of input text is escaped with ``Markup/xml(_:)``.
///
/// ```swift
/// let page = HTMLRenderer().render(TimelineLayout(cadence: cadence, invoice: invoice))
/// ```
public struct HTMLRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// The page's style sheet.
  static let style = """
    body { font-family: \(SVGRenderer.fonts); color: #0f172a; margin: 24px; line-height: 1.4; }
    h1 { font-size: 1.5rem; margin: 0 0 4px; }
    h2 { font-size: 1.15rem; margin: 28px 0 8px; }
    p.subtitle { color: #475569; margin: 0 0 16px; }
    figure { margin: 0; overflow-x: auto; border: 1px solid #e2e8f0; border-radius: 8px; }
    figure svg { display: block; }
    figcaption { font-size: 0.85rem; color: #475569; padding: 8px 12px; border-top: 1px solid #e2e8f0; }
    table { border-collapse: collapse; font-size: 0.9rem; }
    caption { text-align: left; color: #475569; padding-bottom: 6px; }
    th, td { text-align: left; vertical-align: top; padding: 6px 12px; border-bottom: 1px solid #e2e8f0; }
    th { background: #f1f5f9; font-weight: 600; }
    td.day { white-space: nowrap; font-variant-numeric: tabular-nums; }
    td.text { max-width: 28rem; overflow-wrap: anywhere; }
    .fired, .recorded { color: #166534; }
    .skipped { color: #b91c1c; }
    .not-due { color: #64748b; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
    dt { font-weight: 600; grid-column: 1; }
    dd { margin: 0; overflow-wrap: anywhere; grid-column: 2; }
    footer { margin-top: 32px; font-size: 0.8rem; color: #64748b; }
    @media print { body { margin: 0; } figure { border: none; } }
    """

  /// The layout as an HTML document.
  public func render(_ layout: TimelineLayout) -> String {
    var html = [
      "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\"/>",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
      "<title>\(Markup.xml(layout.title.full)) — collection timeline</title>",
      "<style>", HTMLRenderer.style, "</style>", "</head>", "<body>", "<header>",
      "<h1>\(Markup.xml(layout.title.full))</h1>",
      "<p class=\"subtitle\">\(Markup.xml(layout.subtitle.full))</p>", "</header>", "<main>",
      "<figure>", SVGRenderer().element(layout, header: false),
      "<figcaption>Hover over a step for its whole text. The same timeline follows as a table.</figcaption>",
      "</figure>",
    ]
    html += table(layout)
    html += events(layout)
    html += settings(layout)
    html += [
      "</main>", "<footer><p>Drawn by <code>regua render</code>. Days are counted from the due date (D0).</p></footer>",
      "</body>", "</html>",
    ]
    return html.joined(separator: "\n") + "\n"
  }

  private func table(_ layout: TimelineLayout) -> [String] {
    let withInvoice = layout.invoice != nil
    var header = ["When", "Lane", "Action", "Condition", "Step id"]
    if withInvoice { header.insert("Date", at: 1) }
    if withInvoice { header.append("Outcome") }
    var rows = [
      "<section aria-labelledby=\"regua-steps\">", "<h2 id=\"regua-steps\">Steps</h2>", "<table class=\"steps\">",
      "<caption>Every step of the cadence in date order\(withInvoice ? ", with what the simulation did" : "").</caption>",
      "<thead><tr>" + header.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead>", "<tbody>",
    ]
    for mark in layout.marks.sorted(by: { ($0.day, $0.index) < ($1.day, $1.index) }) {
      var when = "\(mark.step.offset)"
      if let movedTo = mark.movedTo {
        when += " → \(movedTo)"
      } else if mark.step.offset.anchor != .due {
        when += " (D\(mark.day < 0 ? "-" : "+")\(mark.day.magnitude))"
      }
      var cells = [
        "<th scope=\"row\" class=\"day\">\(when)</th>",
        "<td>\(Markup.xml(layout.lanes[mark.lane].title.full))</td>",
        "<td class=\"text\">\(Markup.xml(mark.actionText))</td>",
        "<td class=\"text\">\(Markup.xml(mark.condition?.full ?? ""))</td>",
        "<td class=\"text\"><code>\(Markup.xml(mark.step.id))</code></td>",
      ]
      if withInvoice { cells.insert("<td class=\"day\">\(mark.date.map { "\($0)" } ?? "")</td>", at: 1) }
      if let outcome = mark.outcome {
        cells.append("<td class=\"text \(outcome.name)\">\(Markup.xml(outcome.explanation))</td>")
      } else if withInvoice {
        cells.append("<td></td>")
      }
      rows.append("<tr class=\"step\" data-step=\"\(Markup.xml(mark.step.id))\">" + cells.joined() + "</tr>")
    }
    for step in layout.unplaced {
      rows.append(
        "<tr class=\"unplaced\"><th scope=\"row\">\(step.offset)</th><td colspan=\"\(header.count - 1)\">"
          + "\(Markup.xml((step.action.kind.keywords + step.action.arguments).joined(separator: " "))): not on the timeline</td></tr>"
      )
    }
    rows += ["</tbody>", "</table>", "</section>"]
    return rows
  }

  private func events(_ layout: TimelineLayout) -> [String] {
    guard !layout.events.isEmpty else { return [] }
    var rows = [
      "<section aria-labelledby=\"regua-events\">", "<h2 id=\"regua-events\">Payments and recorded contacts</h2>",
      "<table class=\"events\">",
      "<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">What</th></tr></thead>", "<tbody>",
    ]
    for event in layout.events {
      let date = event.endDate.map { "\(event.date) – \($0)" } ?? "\(event.date)"
      rows.append(
        "<tr class=\"event \(event.name)\"><td class=\"day\">\(date)</td><td class=\"text\">\(Markup.xml(event.label.full))</td></tr>"
      )
    }
    rows += ["</tbody>", "</table>", "</section>"]
    return rows
  }

  private func settings(_ layout: TimelineLayout) -> [String] {
    var rows = ["<section aria-labelledby=\"regua-settings\">", "<h2 id=\"regua-settings\">Settings</h2>", "<dl>"]
    for setting in layout.settings {
      rows.append("<dt>\(Markup.xml(setting.name))</dt>")
      for value in setting.values { rows.append("<dd>\(Markup.xml(value))</dd>") }
    }
    rows += ["</dl>", "</section>"]
    return rows
  }
}
