/// Draws a ``TimelineLayout`` as an SVG image: lanes, the day axis, the due date's line, a mark
/// per step with its label, the invoice's payments, and a legend with the cadence's settings.
///
/// Every step is one `g` element of the `step` class, with a `data-step` attribute holding its
/// id, so a program (or a test) can find and count them; the due date is the `g` element of the
/// `due` class. Every piece of input text is
/// escaped (``Markup/xml(_:)``), and a label cut to fit carries its whole text in a `<title>`,
/// which browsers show as a tooltip. The output is the same, byte for byte, for the same layout.
///
/// ```swift
/// let svg = SVGRenderer().render(TimelineLayout(cadence: cadence))
/// ```
public struct SVGRenderer: Sendable {
  /// A white outline behind a label's letters, so a grid or due-date line it crosses does not
  /// cut through them.
  static let halo = "paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\""

  /// The font stack of every text.
  static let fonts = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

  /// Creates a renderer.
  public init() {}

  /// The layout as a standalone SVG document, starting with an XML declaration.
  public func render(_ layout: TimelineLayout) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(layout)
  }

  /// The layout as an `<svg>` element, to embed in an HTML page.
  ///
  /// - Parameters:
  ///   - layout: The timeline.
  ///   - header: Whether to draw the title and subtitle; a page that shows them itself leaves
  ///     them out, and the image starts just above the axis.
  public func element(_ layout: TimelineLayout, header: Bool = true) -> String {
    var svg = SVGWriter()
    let top = header ? 0 : TimelineMetrics.headerHeight - 16
    let width = SVGWriter.number(layout.width)
    let height = SVGWriter.number(layout.height - top)
    let box = "0 \(SVGWriter.number(top)) \(width) \(height)"
    svg.line(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"\(box)\""
        + " role=\"img\" aria-labelledby=\"regua-timeline-title regua-timeline-desc\""
        + " font-family=\"\(SVGRenderer.fonts)\" font-size=\"12\">")
    svg.line("<title id=\"regua-timeline-title\">\(Markup.xml(layout.title.full)): collection timeline</title>")
    svg.line("<desc id=\"regua-timeline-desc\">\(Markup.xml(layout.subtitle.full))</desc>")
    svg.line(
      "<rect class=\"background\" y=\"\(SVGWriter.number(top))\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>"
    )
    if header {
      svg.text(
        layout.title, x: 24, y: 28, attributes: "class=\"title\" font-size=\"18\" font-weight=\"700\" fill=\"#0f172a\"")
      svg.text(
        layout.subtitle, x: 24, y: 48,
        attributes: "class=\"subtitle\" font-size=\"12\" fill=\"\(TimelinePalette.muted)\"")
    }
    drawLanes(layout, into: &svg)
    drawAxis(layout, into: &svg)
    drawEvents(layout, into: &svg)
    drawMarks(layout, into: &svg)
    drawLegend(layout, into: &svg)
    svg.line("</svg>")
    return svg.output
  }

  private func drawLanes(_ layout: TimelineLayout, into svg: inout SVGWriter) {
    let width = SVGWriter.number(layout.width)
    svg.line("<g class=\"lanes\">")
    for (index, lane) in layout.lanes.enumerated() {
      let fill = index % 2 == 0 ? "#f8fafc" : "#ffffff"
      svg.line("<g class=\"lane\" data-lane=\"\(Markup.xml(lane.name))\">")
      svg.line(
        "<rect x=\"0\" y=\"\(SVGWriter.number(lane.top))\" width=\"\(width)\" height=\"\(SVGWriter.number(lane.height))\" fill=\"\(fill)\"/>"
      )
      svg.line(
        "<line x1=\"0\" y1=\"\(SVGWriter.number(lane.top))\" x2=\"\(width)\" y2=\"\(SVGWriter.number(lane.top))\" stroke=\"\(TimelinePalette.grid)\"/>"
      )
      svg.text(
        lane.title, x: 16, y: lane.top + TimelineMetrics.lanePadding + TimelineMetrics.markRadius + 10,
        attributes: "class=\"lane-title\" font-weight=\"600\" fill=\"\(TimelinePalette.colour(of: lane.kind))\"")
      svg.line("</g>")
    }
    svg.line("</g>")
  }

  private func drawAxis(_ layout: TimelineLayout, into svg: inout SVGWriter) {
    let top = SVGWriter.number(layout.axisTop + 4)
    let lanesTop = SVGWriter.number(layout.lanesTop)
    let bottom = SVGWriter.number(layout.lanesBottom)
    svg.line("<g class=\"axis\">")
    for tick in layout.axis.ticks where tick.day != 0 {
      let x = SVGWriter.number(tick.x)
      svg.line(
        "<line class=\"grid-line\" x1=\"\(x)\" y1=\"\(lanesTop)\" x2=\"\(x)\" y2=\"\(bottom)\" stroke=\"\(TimelinePalette.grid)\"/>"
      )
      guard tick.isLabeled else { continue }
      svg.line(
        "<text class=\"tick\" x=\"\(x)\" y=\"\(SVGWriter.number(layout.axisTop + 18))\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(TimelinePalette.muted)\">\(tick.offset)</text>"
      )
      if let date = tick.date {
        svg.line(
          "<text class=\"tick-date\" x=\"\(x)\" y=\"\(SVGWriter.number(layout.axisTop + 33))\" text-anchor=\"middle\" font-size=\"10\" fill=\"\(TimelinePalette.notDue)\">\(SVGWriter.monthDay(date))</text>"
        )
      }
    }
    for x in layout.axis.breaks {
      svg.line(
        "<text class=\"axis-break\" x=\"\(SVGWriter.number(x))\" y=\"\(SVGWriter.number(layout.axisTop + 18))\" text-anchor=\"middle\" font-size=\"13\" fill=\"\(TimelinePalette.notDue)\">≈<title>not to scale: a long gap is compressed</title></text>"
      )
    }
    if let issueDay = layout.issueDay {
      let x = SVGWriter.number(layout.axis.x(ofDay: issueDay))
      svg.line("<g class=\"issue\">")
      svg.line(
        "<line x1=\"\(x)\" y1=\"\(lanesTop)\" x2=\"\(x)\" y2=\"\(bottom)\" stroke=\"\(TimelinePalette.notDue)\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>"
      )
      let label = layout.invoice == nil ? "issued (assumed)" : "issued"
      svg.line(
        "<text x=\"\(SVGWriter.number(layout.axis.x(ofDay: issueDay) - 4))\" y=\"\(SVGWriter.number(layout.lanesBottom + 16))\" text-anchor=\"end\" font-size=\"11\" fill=\"\(TimelinePalette.notDue)\">\(label)</text>"
      )
      svg.line("</g>")
    }
    let due = layout.axis.ticks.first { $0.day == 0 }
    let x = SVGWriter.number(due?.x ?? layout.axis.x(ofDay: 0))
    svg.line("<g class=\"due\" data-day=\"0\">")
    svg.line(
      "<line x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" y2=\"\(bottom)\" stroke=\"\(TimelinePalette.due)\" stroke-width=\"2.5\"/>"
    )
    svg.line(
      "<text x=\"\(x)\" y=\"\(SVGWriter.number(layout.axisTop))\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"700\" fill=\"\(TimelinePalette.due)\">DUE · D0</text>"
    )
    if let date = due?.date {
      svg.line(
        "<text x=\"\(SVGWriter.number((due?.x ?? 0) + 4))\" y=\"\(SVGWriter.number(layout.lanesBottom + 16))\" text-anchor=\"start\" font-size=\"11\" font-weight=\"700\" fill=\"\(TimelinePalette.due)\">due \(date)</text>"
      )
    }
    svg.line("</g>")
    svg.line("</g>")
  }

  private func drawEvents(_ layout: TimelineLayout, into svg: inout SVGWriter) {
    guard !layout.events.isEmpty else { return }
    svg.line("<g class=\"events\">")
    for event in layout.events {
      let colour = TimelinePalette.colour(of: layout.lanes[event.lane].kind)
      let x = SVGWriter.number(event.x)
      let y = SVGWriter.number(event.y)
      svg.line("<g class=\"event \(event.name)\" data-date=\"\(event.date)\">")
      svg.line("<title>\(Markup.xml(event.label.full)) (\(event.date))</title>")
      switch event.kind {
      case .payment:
        svg.line(
          "<rect x=\"\(SVGWriter.number(event.x - 6))\" y=\"\(SVGWriter.number(event.y - 6))\" width=\"12\" height=\"12\" rx=\"2\" fill=\"\(colour)\"/>"
        )
        svg.line(
          "<text x=\"\(x)\" y=\"\(SVGWriter.number(event.y + 4))\" text-anchor=\"middle\" font-size=\"10\" font-weight=\"700\" fill=\"#ffffff\">$</text>"
        )
      case .promise:
        svg.line(
          "<rect x=\"\(x)\" y=\"\(SVGWriter.number(event.y - 4))\" width=\"\(SVGWriter.number(max(2, event.endX - event.x)))\" height=\"8\" rx=\"4\" fill=\"\(colour)\" fill-opacity=\"0.35\" stroke=\"\(colour)\"/>"
        )
      case .recordedContact:
        svg.line(
          "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"4\" fill=\"#ffffff\" stroke=\"\(colour)\" stroke-width=\"2\"/>")
      }
      let labelX = max(event.endX, event.x) + TimelineMetrics.labelGap
      svg.text(
        event.label, x: labelX, y: event.y + 4,
        attributes: "font-size=\"11\" fill=\"\(TimelinePalette.muted)\" \(SVGRenderer.halo)",
        tooltip: false)
      svg.line("</g>")
    }
    svg.line("</g>")
  }

  private func drawMarks(_ layout: TimelineLayout, into svg: inout SVGWriter) {
    svg.line("<g class=\"steps\">")
    for mark in layout.marks {
      let colour = TimelinePalette.colour(of: layout.lanes[mark.lane].kind)
      let kind = mark.isContact ? "contact" : "action"
      var attributes =
        "class=\"step \(kind)\(mark.outcome.map { " " + $0.name } ?? "")\" data-step=\"\(Markup.xml(mark.step.id))\""
        + " data-lane=\"\(Markup.xml(layout.lanes[mark.lane].name))\" data-day=\"\(mark.day)\""
      if let date = mark.date { attributes += " data-date=\"\(date)\"" }
      if let outcome = mark.outcome { attributes += " data-outcome=\"\(outcome.name)\"" }
      svg.line("<g \(attributes)>")
      let tooltip = [mark.label.full, mark.condition?.full, mark.outcomeText?.full].compactMap { $0 }
      svg.line("<title>\(tooltip.map(Markup.xml).joined(separator: "\n"))</title>")
      svg.line(shape(of: mark, colour: colour))
      let textX = mark.x + TimelineMetrics.labelGap
      svg.text(
        mark.label, x: textX, y: mark.y + 4,
        attributes: "class=\"step-label\" font-weight=\"600\" fill=\"#0f172a\" \(SVGRenderer.halo)",
        tooltip: false)
      var lineY = mark.y + 4 + TimelineMetrics.lineHeight
      if let condition = mark.condition {
        svg.text(
          condition, x: textX, y: lineY,
          attributes:
            "class=\"step-condition\" font-size=\"11\" font-style=\"italic\" fill=\"\(TimelinePalette.muted)\" \(SVGRenderer.halo)",
          tooltip: false)
        lineY += TimelineMetrics.lineHeight
      }
      if let outcome = mark.outcome, let text = mark.outcomeText {
        svg.text(
          text, x: textX, y: lineY,
          attributes:
            "class=\"step-outcome\" font-size=\"11\" fill=\"\(TimelinePalette.colour(of: outcome))\" \(SVGRenderer.halo)",
          tooltip: false)
      }
      svg.line("</g>")
    }
    svg.line("</g>")
  }

  /// A step's mark: a circle for a contact, a diamond for another action; filled when it fired
  /// (or when drawn without an invoice), hollow and dashed when skipped, grey when never due.
  private func shape(of mark: TimelineMark, colour: String) -> String {
    let r = TimelineMetrics.markRadius
    var fill = colour
    var stroke = "#ffffff"
    var extra = ""
    switch mark.outcome {
    case .skipped:
      fill = "#ffffff"
      stroke = colour
      extra = " stroke-dasharray=\"3 2\""
    case .notDue:
      fill = "#ffffff"
      stroke = TimelinePalette.notDue
    case .recorded:
      extra = " fill-opacity=\"0.45\""
    case .fired, nil:
      break
    }
    let paint = "fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"2\"\(extra)"
    if mark.isContact {
      return
        "<circle class=\"mark\" cx=\"\(SVGWriter.number(mark.x))\" cy=\"\(SVGWriter.number(mark.y))\" r=\"\(SVGWriter.number(r))\" \(paint)/>"
    }
    let d = r + 1.5
    let (x, y) = (mark.x, mark.y)
    let points = [(x, y - d), (x + d, y), (x, y + d), (x - d, y)].map {
      "\(SVGWriter.number($0.0)),\(SVGWriter.number($0.1))"
    }
    return "<polygon class=\"mark\" points=\"\(points.joined(separator: " "))\" \(paint)/>"
  }
}
