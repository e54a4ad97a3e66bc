/// A `#` inside a timeline entry of a test: an entry is literal text compared with the simulated
/// timeline, so `2026-03-11  D+1  email  x  # first` expects an action named `x # first` and the
/// test fails with a diff that does not say why.
enum TimelineCommentRule: LintRule {
  static let code = DiagnosticCode.commentInTimeline
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for test in file.file.tests {
      for item in test.items {
        guard case .timeline(_, _, let entries, _) = item.kind else { continue }
        for entry in entries where entry.text.contains("#") {
          warnings.append(
            warning(
              "`#` in a timeline entry is part of the entry, not a comment",
              at: SourceRange(start: entry.position, end: entry.position),
              help: "put the comment on a line of its own above the entry"))
        }
      }
    }
    return warnings
  }
}
