/// Builds SVG text line by line: numbers written the same way every time, input text escaped.
struct SVGWriter {
  /// The text written so far.
  private(set) var output = ""

  /// Appends a line of markup (already escaped).
  mutating func line(_ markup: String) {
    output += markup
    output += "\n"
  }

  /// Appends a `<text>` element showing `text`, escaped; with `tooltip`, a cut text carries its
  /// whole in a `<title>`.
  mutating func text(_ text: TimelineText, x: Double, y: Double, attributes: String, tooltip: Bool = true) {
    let title = tooltip && text.isTruncated ? "<title>\(Markup.xml(text.full))</title>" : ""
    line(
      "<text x=\"\(SVGWriter.number(x))\" y=\"\(SVGWriter.number(y))\" \(attributes)>\(title)\(Markup.xml(text.shown))</text>"
    )
  }

  /// A coordinate with at most one decimal, without a trailing `.0`: `12`, `12.5`, `-3.2`.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = tenths.magnitude
    let whole = magnitude / 10
    let fraction = magnitude % 10
    return sign + String(whole) + (fraction == 0 ? "" : "." + String(fraction))
  }

  /// A date's month and day: `03-24`.
  static func monthDay(_ date: CivilDate) -> String {
    let month = date.month < 10 ? "0\(date.month)" : "\(date.month)"
    let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
    return "\(month)-\(day)"
  }
}
