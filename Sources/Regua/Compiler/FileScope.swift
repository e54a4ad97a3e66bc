/// What a rule file declares, gathered in one pass over every declaration before any cadence is
/// checked, so that a declaration may name another wherever it is in the file.
///
/// Today that is the cadences' names (a name declared twice is an error here, once); the
/// declarations stage 2 adds — calendars, rate tables, policies, includes — join it, so that the
/// checker resolves the names a cadence uses against the whole file, not against what came
/// before.
struct FileScope {
  /// Each cadence name's first declaration.
  private(set) var cadences: [String: SourceRange] = [:]
  /// For each of the file's cadence declarations, in order, whether it is the one its name
  /// refers to (the first), and so is compiled.
  private(set) var isCompiled: [Bool] = []
  /// The problems the pass found: names declared twice.
  private(set) var diagnostics: [Diagnostic] = []

  /// Gathers the declarations of `file`.
  init(_ file: RuleFileSyntax) {
    for declaration in file.cadences {
      // A broken header names nothing; its body is still checked.
      guard declaration.brokenHeader == nil else {
        isCompiled.append(true)
        continue
      }
      if let first = cadences[declaration.name] {
        diagnostics.append(
          Diagnostic(
            .error, code: .duplicateCadence, message: "a cadence named `\(declaration.name)` is already declared",
            range: declaration.nameRange, help: "rename one of them",
            notes: ["the first is on line \(first.start.line)"]))
        isCompiled.append(false)
        continue
      }
      cadences[declaration.name] = declaration.nameRange
      isCompiled.append(true)
    }
  }
}
