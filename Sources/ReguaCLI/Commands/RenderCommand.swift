import Foundation
import Regua

/// `regua render FILE [--invoice PATH] [--cadence NAME] --format svg|mermaid|html [--output PATH]`.
enum RenderCommand: Command {
  static let formats = ["svg", "mermaid", "html"]

  static let spec = CommandSpec(
    name: "render",
    usageLine: "USAGE: regua render FILE [--invoice PATH] [--cadence NAME] --format svg|mermaid|html [--output PATH]",
    options: ["invoice", "cadence", "format", "output"], minimumPositionals: 1, maximumPositionals: 1,
    help: """
      regua render — the cadence as a timeline: SVG, a Mermaid diagram, or one HTML page

      USAGE: regua render FILE [--invoice PATH] [--cadence NAME] --format svg|mermaid|html [--output PATH]

      Draws the steps on a day axis relative to the due date (D-3 … D+120), one lane per
      contact channel and one for the actions that contact nobody, with the due date marked,
      conditions as labels, and the pauses, stops and limits in a legend. With an invoice, the
      steps land on its real dates and show the simulated timeline: what was done on which
      date, what was skipped and why, and the payments.

      OPTIONS:
        --format FORMAT     `svg` (an image), `mermaid` (a diagram for Markdown, e.g. on
                            GitHub) or `html` (one self-contained page: the image, the
                            timeline as a table and the cadence's settings)
        --invoice PATH      draw the cadence for this invoice (`-` reads standard input)
        --cadence NAME      the cadence to draw when FILE declares several
        --output PATH       write to PATH instead of standard output

      Without an invoice, I+N steps are drawn for an invoice issued 30 days before it is due.
      """,
    overview: [("render FILE --format svg|mermaid|html", "the cadence as a timeline, for people")])

  static func run(_ arguments: inout Arguments, terminal: inout Terminal) throws -> ExitCode {
    let format = try arguments.required("format")
    guard formats.contains(format) else {
      let guess = Suggestions.closest(to: format, among: formats).map { "; did you mean `\($0)`?" } ?? ""
      throw UsageError(
        message: "`--format \(SafeText.excerpt(format))` is not a format; expected `svg`, `mermaid` or `html`\(guess)")
    }
    let (cadence, environment) = try RuleLoading.cadenceAndEnvironment(
      arguments.positionals[0], named: arguments.value("cadence"), terminal: terminal)
    let layout: TimelineLayout
    if let path = arguments.value("invoice") {
      layout = try TimelineLayout(
        cadence: cadence, invoice: try RuleLoading.invoice(path, hostChannels: cadence.hostChannels, command: "render"),
        environment: environment)
    } else {
      layout = TimelineLayout(cadence: cadence)
    }
    let text =
      switch format {
      case "mermaid": MermaidRenderer().render(layout)
      case "html": HTMLRenderer().render(layout)
      default: SVGRenderer().render(layout)
      }
    guard let output = arguments.value("output") else {
      terminal.print(text)
      return .success
    }
    do {
      try FileReplacement.write(Data(text.utf8), to: output)
    } catch {
      throw CommandFailure(message: "error: cannot write \(SafeText.escaped(output)): \(error)")
    }
    return .success
  }
}
