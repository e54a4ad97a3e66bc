extension Environment {
  /// The environment for the cadences of some rule files: the built-in calendars, the calendars
  /// and rate tables the files declare, and the host's.
  ///
  /// ```swift
  /// let files = RuleCompiler.compile(sources)            // a rules directory's files
  /// let environment = Environment(ruleFiles: files)
  /// let evaluator = try Evaluator(files[0].cadences[0], environment: environment)
  /// ```
  ///
  /// - Parameters:
  ///   - ruleFiles: Compiled rule files; each contributes ``RuleFile/calendars`` and
  ///     ``RuleFile/rateTables`` (the first file declaring a name wins).
  ///   - calendars: The host's own calendars by name; a host calendar named like a declared one
  ///     replaces it.
  ///   - rateTables: The host's own rate tables; a host table named like a declared one replaces
  ///     it.
  public init(
    ruleFiles: some Sequence<RuleFile>, calendars: [String: BusinessCalendar] = [:], rateTables: [RateTable] = []
  ) {
    var declared: [String: BusinessCalendar] = [:]
    var declaredTables: [String: RateTable] = [:]
    for file in ruleFiles {
      declared.merge(file.calendars) { first, _ in first }
      declaredTables.merge(file.rateTables) { first, _ in first }
    }
    // Declared tables by name, then the host's, which replace them.
    let tables = declaredTables.keys.sorted().compactMap { declaredTables[$0] } + rateTables
    self.init(calendars: declared.merging(calendars) { $1 }, rateTables: tables)
  }
}
