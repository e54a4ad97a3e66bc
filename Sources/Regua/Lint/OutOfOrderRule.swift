/// A step declared after a later step of the same anchor. Order breaks ties between steps that
/// fall on one day, so it is kept as written (spec, "Resolutions"); but a cadence read top to
/// bottom should run in date order, and an out-of-place line is often a mistyped offset.
enum OutOfOrderRule: LintRule {
  static let code = DiagnosticCode.outOfOrder
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for entry in file.cadences {
      var latest: [Character: StepSyntax] = [:]
      for step in entry.steps {
        if let previous = latest[step.offset.base], previous.offset.days > step.offset.days {
          warnings.append(
            warning(
              "`\(SyntaxPrinter.offset(step.offset))` is declared after `\(SyntaxPrinter.offset(previous.offset))`",
              at: step.offset.range,
              help: "move the line up to where its date belongs, or check its offset",
              notes: ["declaration order only breaks ties between steps on the same day"]))
        } else {
          latest[step.offset.base] = step
        }
      }
    }
    return warnings
  }
}
