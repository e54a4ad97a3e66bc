/// Writes a ``TimelineLayout`` as a Mermaid `timeline` diagram, which GitHub draws in Markdown
/// (inside a fenced block of language `mermaid`).
///
/// One period per day on which something is drawn, in date order, grouped in sections before,
/// on and after the due date; each step is an event of its day (`call — when balance >= 500.00`),
/// with its outcome when drawn for an invoice. A last section lists the cadence's settings. Every
/// piece of input text is escaped with ``Markup/mermaid(_:)``.
///
/// ```swift
/// let diagram = MermaidRenderer().render(TimelineLayout(cadence: cadence))
/// ```
public struct MermaidRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// The layout as a Mermaid diagram, without the Markdown fence.
  public func render(_ layout: TimelineLayout) -> String {
    var lines = ["timeline"]
    let about = layout.invoice.map { "invoice \($0.id)" } ?? "days from the due date"
    lines.append("    title " + Markup.mermaid(layout.title.shown + " — " + TimelineText(about, limit: 40).shown))
    var days: [Int: [String]] = [:]
    for mark in layout.marks.sorted(by: { ($0.day, $0.index) < ($1.day, $1.index) }) {
      var event = (mark.step.action.kind.keywords + mark.step.action.arguments).joined(separator: " ")
      if let movedTo = mark.movedTo {
        event = "\(mark.step.offset) → \(movedTo) " + event
      } else if mark.step.offset.anchor != .due {
        event = "\(mark.step.offset) " + event
      }
      var text = TimelineText(event, limit: TimelineMetrics.labelCharacters).shown
      if let condition = mark.condition { text += " — " + condition.shown }
      if let outcome = mark.outcomeText { text += " — " + outcome.shown }
      days[mark.day, default: []].append(text)
    }
    if let due = layout.invoice?.due {
      for event in layout.events {
        days[event.date.days(since: due), default: []].append(event.label.shown)
      }
    }
    if let issueDay = layout.issueDay, days[issueDay] == nil {
      days[issueDay] = [layout.invoice == nil ? "issued (assumed)" : "issued"]
    }
    if days[0] == nil { days[0] = ["invoice due"] }
    var section: String?
    for day in days.keys.sorted() {
      let name = day < 0 ? "Before the due date" : day == 0 ? "Due date" : "After the due date"
      if name != section {
        lines.append("    section " + name)
        section = name
      }
      var period = Offset.due(day).description
      if let date = layout.axis.ticks.first(where: { $0.day == day })?.date { period = "\(date) · " + period }
      if day == 0 { period += " · due" }
      let events = (days[day] ?? []).map { " : " + Markup.mermaid($0) }.joined()
      lines.append("        " + Markup.mermaid(period) + events)
    }
    lines.append("    section Settings")
    for setting in layout.settings {
      let values = setting.values.map {
        " : " + Markup.mermaid(TimelineText($0, limit: TimelineMetrics.legendCharacters).shown)
      }
      lines.append("        " + Markup.mermaid(setting.name) + values.joined())
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
