/// Where an evaluation finds the rules of the time zones customers and cadences name.
///
/// ``system`` — what the standard environment holds — answers with the platform's IANA
/// database through Foundation, each zone made once per process and shared; a database made
/// with ``init(_:)`` knows only the zones it is given (and `UTC`), so a host can pin its rules
/// or a test can hold a zone still. Neither ever consults the process's time zone.
///
/// ```swift
/// let saoPaulo = TimeZoneDatabase.system.rules(for: "America/Sao_Paulo")   // Optional(ZoneRules)
/// TimeZoneDatabase.system.rules(for: "Mars/Olympus")                       // nil
/// let pinned = TimeZoneDatabase([ZoneRules(identifier: "Fixed/Minus3", secondsFromUTC: -10800)])
/// pinned.rules(for: "America/Sao_Paulo")                                  // nil
/// ```
///
/// Finding a zone costs a dictionary look-up (behind a lock for ``system``): an evaluation
/// resolves its customer's zone once, then asks the ``ZoneRules`` value.
public struct TimeZoneDatabase: Sendable, Hashable {
  /// The platform's IANA time zones, through Foundation.
  public static let system = TimeZoneDatabase(zones: [:], usesSystem: true)

  /// Zones by identifier, consulted first.
  private let zones: [String: ZoneRules]
  /// Whether zones not in ``zones`` are asked of Foundation.
  private let usesSystem: Bool

  private init(zones: [String: ZoneRules], usesSystem: Bool) {
    self.zones = zones
    self.usesSystem = usesSystem
  }

  /// A database of these zones and `UTC` only; a later zone of the same identifier wins.
  ///
  /// ```swift
  /// let database = TimeZoneDatabase([ZoneRules(identifier: "Asia/Kolkata", secondsFromUTC: 19800)])
  /// ```
  public init(_ zones: [ZoneRules]) {
    var byIdentifier = ["UTC": ZoneRules.utc]
    for zone in zones { byIdentifier[zone.identifier] = zone }
    self.init(zones: byIdentifier, usesSystem: false)
  }

  /// This database with `zones` in front of it: they answer for their identifiers, the rest as
  /// before.
  ///
  /// ```swift
  /// let database = TimeZoneDatabase.system.adding([pinnedSaoPaulo])
  /// ```
  public func adding(_ zones: [ZoneRules]) -> TimeZoneDatabase {
    var byIdentifier = self.zones
    for zone in zones { byIdentifier[zone.identifier] = zone }
    return TimeZoneDatabase(zones: byIdentifier, usesSystem: usesSystem)
  }

  /// The rules of the zone `identifier` names, or `nil` when this database knows no such zone.
  ///
  /// ```swift
  /// TimeZoneDatabase.system.rules(for: "Europe/London")?.identifier   // "Europe/London"
  /// ```
  public func rules(for identifier: String) -> ZoneRules? {
    if let zone = zones[identifier] { return zone }
    return usesSystem ? ZoneRules.system(identifier) : nil
  }
}
