/// What an evaluation may consult besides the cadence and the invoice: business calendars and
/// time zones now, rate tables and other host-supplied data as they land.
///
/// An environment is a plain value, read and never written by the engine, so evaluations stay
/// pure: the same cadence, invoice, date and environment always give the same plan.
///
/// Every environment has the built-in calendars `BR`, `US` and `none`; a host adds its own (a
/// state's or a city's holidays, a company's closing days) by name, and a cadence may then name
/// them in its `calendar` line:
///
/// ```swift
/// let saoPaulo = BusinessCalendar.brazil.adding(holidays: [anniversary: "Aniversário de São Paulo"])
/// let evaluator = try Evaluator(cadence, environment: Environment(calendars: ["BR-SP": saoPaulo]))
/// ```
public struct Environment: Sendable, Hashable {
  /// The environment every evaluation uses unless told otherwise: the built-in calendars.
  public static let standard = Environment()

  /// Business calendars by the name a cadence's `calendar` line gives: the built-in ones and the
  /// host's.
  public private(set) var calendars: [String: BusinessCalendar]
  /// Where the time zones that customers and cadences name are found: send windows are placed
  /// on the customer's wall clock. ``TimeZoneDatabase/system`` (the platform's IANA database)
  /// unless the host pins its own; never the process's time zone.
  public private(set) var timeZones: TimeZoneDatabase
  /// Rate tables by name, for `interest "NAME"` steps: the host's, and those declared in rule
  /// files (`rates "NAME" per month`).
  public private(set) var rateTables: [String: RateTable]

  /// Creates an environment.
  ///
  /// - Parameters:
  ///   - calendars: The host's business calendars by name, added to the built-in `BR`, `US` and
  ///     `none`. A host calendar named like a built-in one replaces it, which changes what every
  ///     rule file naming it means: prefer a name of its own.
  ///   - timeZones: Where zones are found; the platform's IANA database by default.
  ///   - rateTables: The rate tables `interest "NAME"` steps may name; a later table of a name
  ///     replaces an earlier one.
  public init(
    calendars: [String: BusinessCalendar] = [:], timeZones: TimeZoneDatabase = .system, rateTables: [RateTable] = []
  ) {
    self.calendars = BusinessCalendar.builtIn.merging(calendars) { $1 }
    self.timeZones = timeZones
    self.rateTables = Dictionary(rateTables.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
  }

  /// The environment with `tables` added, replacing tables of the same names.
  public func adding(rateTables tables: [RateTable]) -> Environment {
    var copy = self
    for table in tables { copy.rateTables[table.name] = table }
    return copy
  }

  /// The calendar a cadence names: ``BusinessCalendar/none`` when it names none, `nil` when this
  /// environment does not have it.
  public func calendar(named name: String?) -> BusinessCalendar? {
    guard let name else { return BusinessCalendar.none }
    return calendars[name]
  }

  /// The names of the environment's calendars, sorted.
  public var calendarNames: [String] { calendars.keys.sorted() }
}

/// A cadence that needs something its environment does not have: the evaluator is never built,
/// so a missing calendar can never silently move nothing.
public enum EnvironmentError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The cadence names a calendar the environment does not have.
  case unknownCalendar(String, cadence: String, known: [String])
  /// The cadence names a time zone the environment's database does not have.
  case unknownTimeZone(String, cadence: String)
  /// A step of the cadence charges interest from a rate table the environment does not have.
  case unknownRateTable(String, cadence: String, known: [String])
  /// A step of the cadence charges interest from a rate table whose rate for `period` (with the
  /// step's margin) is above the cadence's `cap interest`.
  case rateTableAboveCap(String, cadence: String, cap: ChargeCap, period: String)

  /// What is missing, and how to supply it.
  public var description: String {
    switch self {
    case .unknownCalendar(let name, let cadence, let known):
      let meant = Suggestions.closest(to: name, among: known).map { "did you mean `\($0)`? " } ?? ""
      return "the cadence `\(SafeText.excerpt(cadence))` names the calendar `\(SafeText.excerpt(name))`, "
        + "which the environment does not have (it has \(known.map { "`\($0)`" }.joined(separator: ", "))); "
        + meant + "declare it in a rule file of the rules directory, or add it with `Environment(calendars:)`"
    case .unknownTimeZone(let zone, let cadence):
      return "the cadence `\(SafeText.excerpt(cadence))` names the time zone `\(SafeText.excerpt(zone))`, "
        + "which the environment's time-zone database does not have; add it with `Environment(timeZones:)`"
    case .unknownRateTable(let name, let cadence, let known):
      let meant = Suggestions.closest(to: name, among: known).map { "did you mean `\($0)`? " } ?? ""
      return "the cadence `\(SafeText.excerpt(cadence))` charges interest from the rate table "
        + "`\(SafeText.excerpt(name))`, which the environment does not have; " + meant
        + "declare it with `rates \"\(SafeText.excerpt(name))\" per month` in a rule file of the rules directory "
        + "and build the evaluator with `Environment(ruleFiles:)` of the compiled files, "
        + "or add it with `Environment(rateTables:)`"
    case .rateTableAboveCap(let name, let cadence, let cap, let period):
      return "the cadence `\(SafeText.excerpt(cadence))` charges interest from the rate table "
        + "`\(SafeText.excerpt(name))`, whose rate for \(period) is above the cadence's `\(cap)`; "
        + "correct the table's line, or change the cap if the law or the contract allows more"
    }
  }
}
