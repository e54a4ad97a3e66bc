extension SVGRenderer {
  /// The legend under the lanes: what the symbols mean, then the cadence's settings, one line
  /// each, and the steps left off the axis.
  func drawLegend(_ layout: TimelineLayout, into svg: inout SVGWriter) {
    svg.line("<g class=\"legend\">")
    var x = 24.0
    let y = layout.legendTop
    func key(_ symbol: String, _ label: String) {
      svg.line(symbol)
      let text = TimelineText(label, limit: 60)
      svg.text(text, x: x + 16, y: y + 4, attributes: "font-size=\"11\" fill=\"\(TimelinePalette.muted)\"")
      x += 16 + TimelineMetrics.width(characters: label.count, size: .small) + 18
    }
    func circle(fill: String, stroke: String, dashed: Bool = false, opacity: Bool = false) -> String {
      "<circle cx=\"\(SVGWriter.number(x + 6))\" cy=\"\(SVGWriter.number(y))\" r=\"5\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"2\""
        + (dashed ? " stroke-dasharray=\"3 2\"" : "") + (opacity ? " fill-opacity=\"0.45\"" : "") + "/>"
    }
    let ink = "#334155"
    // Only the symbols the drawing uses.
    let outcomes = Set(layout.marks.compactMap { $0.outcome?.name })
    if layout.marks.contains(where: \.isContact) {
      key(circle(fill: ink, stroke: "#ffffff"), "contact")
    }
    if layout.marks.contains(where: { !$0.isContact }) {
      let d = 6.5
      let diamond = [(x + 6, y - d), (x + 6 + d, y), (x + 6, y + d), (x + 6 - d, y)].map {
        "\(SVGWriter.number($0.0)),\(SVGWriter.number($0.1))"
      }
      key("<polygon points=\"\(diamond.joined(separator: " "))\" fill=\"\(ink)\"/>", "other action (no contact)")
    }
    if layout.invoice != nil {
      key(circle(fill: ink, stroke: "#ffffff"), "done")
      if outcomes.contains("recorded") {
        key(circle(fill: ink, stroke: "#ffffff", opacity: true), "done before (history)")
      }
      if outcomes.contains("skipped") { key(circle(fill: "#ffffff", stroke: ink, dashed: true), "skipped") }
      if outcomes.contains("not-due") { key(circle(fill: "#ffffff", stroke: TimelinePalette.notDue), "not due") }
    }
    let lineX = SVGWriter.number(x + 6)
    key(
      "<line x1=\"\(lineX)\" y1=\"\(SVGWriter.number(y - 8))\" x2=\"\(lineX)\" y2=\"\(SVGWriter.number(y + 8))\" stroke=\"\(TimelinePalette.due)\" stroke-width=\"2.5\"/>",
      "due date")
    if !layout.axis.breaks.isEmpty {
      key(
        "<text x=\"\(SVGWriter.number(x + 6))\" y=\"\(SVGWriter.number(y + 5))\" text-anchor=\"middle\" font-size=\"13\" fill=\"\(TimelinePalette.notDue)\">≈</text>",
        "long gap, compressed")
    }
    var lineY = y + TimelineMetrics.legendLineHeight + 4
    for line in layout.legend {
      svg.text(line, x: 24, y: lineY, attributes: "class=\"setting\" font-size=\"11\" fill=\"#1e293b\"")
      lineY += TimelineMetrics.legendLineHeight
    }
    if !layout.unplaced.isEmpty {
      let steps = layout.unplaced.map { "\($0.offset) \($0.action.kind.keywords.joined(separator: " "))" }
      let text = TimelineText(
        "Not on the timeline: " + steps.joined(separator: "; "), limit: TimelineMetrics.legendCharacters)
      svg.text(
        text, x: 24, y: lineY, attributes: "class=\"unplaced\" font-size=\"11\" fill=\"\(TimelinePalette.skipped)\"")
    }
    svg.line("</g>")
  }
}
