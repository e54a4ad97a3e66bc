/// A step scheduled after an unconditional `write off` on the same anchor: once the host records
/// the write-off, the invoice's status is `written-off` and collection stops, so the step never
/// fires.
enum AfterWriteOffRule: LintRule {
  static let code = DiagnosticCode.afterWriteOff
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for entry in file.cadences {
      let steps = entry.steps
      let writeOffs = steps.filter { $0.action == .writeOff && $0.when == nil && $0.unless == nil }
      for step in steps where step.action != .writeOff {
        guard
          let writeOff = writeOffs.filter({ $0.offset.base == step.offset.base && $0.offset.days < step.offset.days })
            .min(by: { $0.offset.days < $1.offset.days })
        else { continue }
        let offset = SyntaxPrinter.offset(writeOff.offset)
        warnings.append(
          warning(
            "`\(SyntaxPrinter.offset(step.offset)) \(step.action.keywords.joined(separator: " "))` comes after "
              + "`\(offset) write off`: a written-off invoice stops, so it never fires",
            at: step.offset.range.extended(to: step.actionRange),
            help: "schedule it on or before \(offset), or remove it",
            notes: ["the write-off is on line \(writeOff.range.start.line)"]))
      }
    }
    return warnings
  }
}
