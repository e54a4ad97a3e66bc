/// A cadence as its author declared it, before it is checked: what a rule file's `cadence` block
/// or the Swift builder says, each part with the place it was written.
///
/// Both ways of writing a cadence build one of these and hand it to ``check(report:)``, the one
/// place where a cadence's rules (names, bounds, ids, channels, counts) are checked, so a rule
/// file and the builder accept exactly the same cadences and say the same about the rest.
/// `Place` is where a part was written: a ``SourceRange`` in a rule file, a description of the
/// component for the builder.
struct CadenceDeclaration<Place> {
  /// A number and where it was written.
  struct Number {
    var value: Int
    var place: Place
  }

  /// Where a step's parts were written, and what the front end found.
  struct StepPlaces {
    /// Whether the id was written (`as`), rather than derived from the offset and action.
    var hasExplicitID: Bool
    /// Where the offset is.
    var offset: Place
    /// Where the action is.
    var action: Place
    /// Where the explicit id is; the offset and action when there is none.
    var id: Place
    /// Where the `fallback` channels are; the action when there are none.
    var fallbacks: Place? = nil
    /// Whether the front end found its conditions wrong (reported already): the step's other
    /// parts are still checked, but it takes no id and is not compiled.
    var conditionsFailed = false
  }

  /// A `limit` and where its parts were written.
  struct DeclaredLimit {
    /// The channel, `nil` for `any`.
    var channel: String?
    var count: Number
    var days: Number
    /// Where the channel is.
    var channelPlace: Place
  }

  /// An `after conversation wait` line and where its parts were written.
  struct DeclaredWait {
    /// The channel, `nil` for every contact channel.
    var channel: String?
    var days: Number
    /// Where the channel is.
    var channelPlace: Place
  }

  /// A `window` and where its parts were written.
  struct DeclaredWindow {
    /// The channel, `nil` for `any`.
    var channel: String?
    var from: LocalTime
    var to: LocalTime
    var days: WeekdaySet
    /// Where the channel is.
    var channelPlace: Place
    /// Where the hours are.
    var hoursPlace: Place
  }

  var name: String
  var namePlace: Place
  /// Whether the header did not parse (its error is reported): the name is not checked again.
  var headerIsBroken = false
  var version: Number?
  var timeZone: (name: String, place: Place)?
  var calendar: (name: String, place: Place)?
  var catchUpDays: Number?
  /// The calendar names a `calendar` line may use besides the built-in ones (the file's and the
  /// host's); `nil` when they are not known here, and the evaluator checks the name against its
  /// environment (the Swift builder).
  var knownCalendars: Set<String>?
  /// The rate tables `interest "NAME"` may name (the rules directory's and the host's); `nil`
  /// when they are not known here, and the evaluator checks the name against its environment.
  var knownRateTables: Set<String>?
  /// The rate tables declared beside the cadence, which a `cap interest` is checked against.
  var declaredRateTables: [String: RateTable] = [:]
  /// `holiday` lines: a day, its name, and where it was written.
  var holidays: [(date: CivilDate, name: String, place: Place)] = []
  /// `workday` lines: a day and where it was written.
  var workdays: [(date: CivilDate, place: Place)] = []
  /// The steps in declaration order, each already through the front end's own checks (a rule
  /// file's conditions are type-checked, a builder's amounts read).
  var steps: [Step] = []
  /// Where each of ``steps`` was written, in the same order. (Kept apart so that a cadence's
  /// valid steps become its steps without a copy of each.)
  var stepPlaces: [StepPlaces] = []

  /// Adds a step and where it was written.
  mutating func append(_ step: Step, _ places: StepPlaces, chargeWords: [(word: Charge.Word, place: Place)] = []) {
    if !chargeWords.isEmpty { self.chargeWords[steps.count] = chargeWords }
    steps.append(step)
    stepPlaces.append(places)
  }
  /// For a charge step of a rule file, by step index: each argument as written (quoted or not)
  /// and where; kept apart so that the places of every other step stay plain values. The
  /// builder has none: its arguments are read as bare words, placed at the action.
  var chargeWords: [Int: [(word: Charge.Word, place: Place)]] = [:]
  var stopConditions: [Condition] = []
  var pauseConditions: [Condition] = []
  var limits: [DeclaredLimit] = []
  var waits: [DeclaredWait] = []
  /// The `window` lines of the packs the cadence includes: they restrict the cadence's own.
  var packWindows: [DeclaredWindow] = []
  var windows: [DeclaredWindow] = []
  /// Whether the cadence says `group by invoice`.
  var groupsByInvoice = false
  /// The charge caps declared (`cap fee 2%`), each with where it is.
  var caps: [(cap: ChargeCap, place: Place)] = []
  /// Where the cadence's step and limit counts are reported.
  var wholePlace: Place

  init(name: String, namePlace: Place, wholePlace: Place) {
    self.name = name
    self.namePlace = namePlace
    self.wholePlace = wholePlace
  }
}
