/// Runs the `test` blocks of several rule files, finding each test's cadence.
///
/// A test's cadence is, in order: the one it names with `cadence NAME` (among every file given);
/// the only cadence of its own file; the only cadence of the file it tests, `X.regua` for a test
/// file `X_test.regua` in the same directory.
public enum PolicyTestSuite {
  /// Runs every test of `files` and returns the results in file and declaration order. A file
  /// with errors takes no part: its tests do not run and its cadences are not tested.
  ///
  /// The tests run in the environment of the files' calendars and rate tables
  /// (``Environment/init(ruleFiles:calendars:rateTables:)``): the built-in calendars, those the
  /// files declare without errors, and `calendars` and `rateTables`, the host's.
  public static func run(
    _ files: [RuleFile], calendars: [String: BusinessCalendar] = [:], rateTables: [RateTable] = []
  ) -> [PolicyTestResult] {
    let environment = Environment(ruleFiles: files, calendars: calendars, rateTables: rateTables)
    let files = files.filter(\.isValid)
    var byName: [String: [Cadence]] = [:]
    for file in files {
      for cadence in file.cadences { byName[cadence.name, default: []].append(cadence) }
    }
    // Suggestions for unknown cadence names share one budget and one sorted list of names.
    let names = byName.keys.sorted()
    var budget = Bounds.suggestionWork
    var results: [PolicyTestResult] = []
    for file in files {
      for test in file.tests {
        switch cadence(for: test, in: file, files: files, byName: byName, names: names, budget: &budget) {
        case .success(let cadence):
          results.append(PolicyTestRunner.run(test, cadence: cadence, environment: environment))
        case .failure(let problem): results.append(PolicyTestRunner.unresolved(test, message: problem.line))
        }
      }
    }
    return results
  }

  /// What `regua check` finds in the tests of `files` without running them: a test whose cadence
  /// cannot be found, and an expectation naming an action, step or channel that its cadence does
  /// not have — what `regua test` would reject. One list per file, in the order given.
  public static func diagnostics(_ files: [RuleFile]) -> [[Diagnostic]] {
    let valid = files.filter(\.isValid)
    var byName: [String: [Cadence]] = [:]
    for file in valid {
      for cadence in file.cadences { byName[cadence.name, default: []].append(cadence) }
    }
    let names = byName.keys.sorted()
    var budget = Bounds.suggestionWork
    return files.map { file in
      guard file.isValid else { return [] }
      var diagnostics: [Diagnostic] = []
      for test in file.tests {
        let at = SourceRange(start: test.position, end: test.position)
        let cadence: Cadence
        switch self.cadence(for: test, in: file, files: valid, byName: byName, names: names, budget: &budget) {
        case .success(let found): cadence = found
        case .failure(let problem):
          diagnostics.append(.error(.unknownCadence, problem.message, at: at, help: problem.help))
          continue
        }
        let index = CadenceIndex(cadence)
        for check in test.checks {
          guard case .on(_, _, let expectation) = check.expectation else { continue }
          let problem: PolicyTestProblem?
          switch expectation {
          case .fires(let words), .doesNotFire(let words):
            do throws(PolicyTestProblem) {
              _ = try ActionMatcher(words, in: index, budget: &budget)
              problem = nil
            } catch {
              problem = error
            }
          case .skipped(let step, _):
            problem =
              index.step(withID: step) == nil ? ActionMatcher.unknownStep(step, in: cadence, budget: &budget) : nil
          case .nothing, .next, .balance:
            problem = nil
          }
          if let problem {
            diagnostics.append(
              .error(
                .unknownExpectation, problem.message, at: SourceRange(start: check.position, end: check.position),
                help: problem.help))
          }
        }
      }
      return diagnostics
    }
  }

  /// The path of the rule file a test file tests: `b2b_test.regua` → `b2b.regua`.
  public static func testedPath(for path: String) -> String? {
    guard path.hasSuffix("_test.regua") else { return nil }
    return String(path.dropLast("_test.regua".count)) + ".regua"
  }

  private static func cadence(
    for test: PolicyTest, in file: RuleFile, files: [RuleFile], byName: [String: [Cadence]], names: [String],
    budget: inout Int
  ) -> Result<Cadence, PolicyTestProblem> {
    if let name = test.cadenceName {
      let found = byName[name] ?? []
      if found.count == 1, let cadence = found.first { return .success(cadence) }
      if found.count > 1 {
        return .failure(
          .init(message: "several files declare a cadence named `\(SafeText.escaped(name))`; test them separately"))
      }
      let suggestion = Suggestions.closest(to: name, among: names, budget: &budget)
      return .failure(
        .init(
          message: "no cadence named `\(SafeText.excerpt(name))` is loaded",
          help: suggestion.map { "did you mean `\(SafeText.escaped($0))`?" }))
    }
    if file.cadences.count == 1, let cadence = file.cadences.first { return .success(cadence) }
    if let tested = testedPath(for: file.source.path), let target = files.first(where: { $0.source.path == tested }),
      target.cadences.count == 1, let cadence = target.cadences.first
    {
      return .success(cadence)
    }
    return .failure(
      .init(message: "the test does not say which cadence it tests; add a line `cadence NAME` to it"))
  }
}
