extension Environment {
  /// The environment for the cadences of some rule files: the built-in calendars, the calendars
  /// the files declare, and the host's.
  ///
  /// ```swift
  /// let files = RuleCompiler.compile(sources)            // a rules directory's files
  /// let environment = Environment(ruleFiles: files)
  /// let evaluator = try Evaluator(files[0].cadences[0], environment: environment)
  /// ```
  ///
  /// - Parameters:
  ///   - ruleFiles: Compiled rule files; each contributes ``RuleFile/calendars``.
  ///   - calendars: The host's own calendars by name; a host calendar named like a declared one
  ///     replaces it.
  public init(ruleFiles: some Sequence<RuleFile>, calendars: [String: BusinessCalendar] = [:]) {
    var declared: [String: BusinessCalendar] = [:]
    for file in ruleFiles { declared.merge(file.calendars) { first, _ in first } }
    self.init(calendars: declared.merging(calendars) { $1 })
  }
}
