/// A cadence laid out as a timeline, computed once and drawn by any renderer: days on the
/// horizontal axis (relative to the due date), one lane per contact channel and one for the
/// actions that contact nobody, a mark per step (drawn for an invoice, per occurrence), and the
/// cadence's settings for a legend.
///
/// Drawn for an invoice, each occurrence of a step lands on its real date (business-day shifting
/// included) and carries what became of it in the simulated timeline (``StepOutcome``): what
/// fired on which date, what was skipped and why, as the engine's plan of its day gives it
/// (typed: ``SkippedStep``); the invoice's payments and promise are drawn in a lane of their own.
///
/// Every position is in pixels, so ``SVGRenderer`` only draws; ``MermaidRenderer`` and
/// ``HTMLRenderer`` read the same model. Nothing depends on today's date or on randomness: the
/// same cadence and invoice give the same layout.
///
/// ```swift
/// let layout = TimelineLayout(cadence: cadence, invoice: invoice)
/// let page = HTMLRenderer().render(layout)
/// ```
public struct TimelineLayout: Sendable, Hashable {
  /// How many days before its due date an invoice is taken to be issued when a cadence is drawn
  /// without one, to place its `I+N` steps.
  public static let defaultAssumedTermDays = 30

  /// The cadence drawn.
  public var cadence: Cadence
  /// The invoice the cadence is drawn for, if any.
  public var invoice: Invoice?
  /// The title: the cadence's name and version.
  public var title: TimelineText
  /// A line under the title: the invoice's id, amount and dates, or how the cadence is drawn.
  public var subtitle: TimelineText
  /// The day axis.
  public var axis: TimelineAxis
  /// The lanes, top to bottom: built-in channels, `notify` channels, other actions, payments.
  public var lanes: [TimelineLane]
  /// One mark per step that has a date, in declaration order.
  public var marks: [TimelineMark]
  /// Payments, the promise and recorded contacts, when drawn for an invoice.
  public var events: [TimelineEvent]
  /// The steps that have no place on the axis (a promise's `P+N` steps, or a date beyond the
  /// calendar's range).
  public var unplaced: [Step]
  /// The cadence's settings, for the legend.
  public var settings: [TimelineSetting]
  /// The day the invoice is (or is assumed to be) issued, relative to the due date, when drawn.
  public var issueDay: Int?
  /// The legend's lines: the settings, each cut to fit (``TimelineText/full`` keeps it whole).
  public var legend: [TimelineText]
  /// The drawing's width, in pixels.
  public var width: Double
  /// The drawing's height, in pixels.
  public var height: Double
  /// The top of the axis' labels, in pixels.
  public var axisTop: Double
  /// The top of the first lane, in pixels.
  public var lanesTop: Double
  /// The bottom of the last lane, in pixels.
  public var lanesBottom: Double
  /// The top of the legend, in pixels.
  public var legendTop: Double

  /// Lays out a cadence alone: `D±N` steps relative to the due date, `I+N` steps as if the
  /// invoice were issued `assumedTermDays` days before it is due.
  public init(cadence: Cadence, assumedTermDays: Int = TimelineLayout.defaultAssumedTermDays) {
    let term = max(0, min(assumedTermDays, Offset.maximumDays))
    var placed: [Placed] = []
    var unplaced: [Step] = []
    for step in cadence.steps {
      switch step.offset.anchor {
      case .due: placed.append(Placed(step: step, day: step.offset.days))
      case .issue: placed.append(Placed(step: step, day: step.offset.days - term))
      case .promise: unplaced.append(step)
      }
    }
    let hasIssueSteps = cadence.steps.contains { $0.offset.anchor == .issue }
    var subtitle = "days relative to the due date (D0)"
    if hasIssueSteps { subtitle += "; I+N steps for an invoice issued \(Plural.count(term, "day")) before it is due" }
    self.init(
      cadence: cadence, invoice: nil, placed: placed, unplaced: unplaced, outcomes: [:], events: [],
      issueDay: hasIssueSteps ? -term : nil, subtitle: subtitle,
      settings: TimelineSetting.settings(of: cadence, assumedTermDays: term))
  }

  /// Lays out a cadence for an invoice: each occurrence of a step on its real date, with what
  /// became of it in the simulated timeline, and the invoice's payments and promise.
  ///
  /// - Throws: ``EnvironmentError`` when the cadence names a calendar the environment does not
  ///   have; ``InvalidInput`` when the invoice's charges cannot be computed.
  public init(cadence: Cadence, invoice: Invoice, environment: Environment = .standard) throws {
    let evaluator = try Evaluator(cadence, environment: environment)
    let schedule = evaluator.schedule(for: invoice)
    // One mark per occurrence: the steps in declaration order, each one's in schedule order.
    var byStep: [[Occurrence]] = Array(repeating: [], count: cadence.steps.count)
    for occurrence in schedule.occurrences { byStep[occurrence.step].append(occurrence) }
    var placed: [Placed] = []
    var unplaced: [Step] = []
    var ids: Set<String> = []
    for (index, step) in cadence.steps.enumerated() {
      if byStep[index].isEmpty { unplaced.append(step) }
      for occurrence in byStep[index] {
        let id = occurrence.id(stepID: step.id)
        ids.insert(id)
        let day = occurrence.scheduled.days(since: invoice.due)
        placed.append(
          Placed(
            step: step, day: day, date: occurrence.scheduled, occurrence: id,
            movedTo: TimelineLayout.movedTo(step, day: day, date: schedule.stepDate(of: step))))
      }
    }
    let outcomes = try TimelineLayout.outcomes(of: evaluator, for: invoice, schedule: schedule)
    let subtitle =
      "invoice \(invoice.id) · \(invoice.amount) · issued \(invoice.issued) · due \(invoice.due)"
      + (schedule.effectiveDue == invoice.due ? "" : " (effective \(schedule.effectiveDue))")
      + " · simulated assuming every planned action is done on its day"
    self.init(
      cadence: cadence, invoice: invoice, placed: placed, unplaced: unplaced, outcomes: outcomes,
      events: TimelineLayout.events(of: invoice, cadence: cadence, occurrences: ids),
      issueDay: invoice.issued.days(since: invoice.due),
      subtitle: subtitle, settings: TimelineSetting.settings(of: cadence, assumedTermDays: nil))
  }

  /// A mark before it is placed: the step, its day relative to the due date and, drawn for an
  /// invoice, its date and occurrence id.
  struct Placed {
    var step: Step
    var day: Int
    var date: CivilDate?
    var occurrence: String?
    var movedTo: String? = nil
  }

  /// Where a step drawn for an invoice lands, on the axis, when it moved off the day its offset
  /// names (`D-1` for a `D-3` moved off a weekend, or waiting for its window), else `nil`. A
  /// step that counts from a later effective due date, or counts business days, lands where it
  /// counts to without moving: it is drawn there with no arrow.
  static func movedTo(_ step: Step, day: Int, date: StepDate?) -> String? {
    guard step.offset.anchor != .promise, date?.isMoved == true else { return nil }
    return Offset.due(day).description
  }

  /// An event before it is placed: what, when, its label and its lane.
  struct PendingEvent {
    var kind: TimelineEvent.Kind
    var date: CivilDate
    var endDate: CivilDate?
    var lane: TimelineLane.Kind
    var label: String
  }

  private init(
    cadence: Cadence, invoice: Invoice?, placed: [Placed], unplaced: [Step],
    outcomes: [String: StepOutcome], events pending: [PendingEvent], issueDay: Int?, subtitle: String,
    settings: [TimelineSetting]
  ) {
    self.cadence = cadence
    self.invoice = invoice
    self.unplaced = unplaced
    self.settings = settings
    self.issueDay = issueDay
    let version = cadence.version.map { " v\($0)" } ?? ""
    title = TimelineText(cadence.name + version, limit: TimelineMetrics.titleCharacters)
    let subtitleText = TimelineText(subtitle, limit: TimelineMetrics.legendCharacters)
    self.subtitle = subtitleText
    let legendLines = settings.map {
      TimelineText("\($0.name): \($0.values.joined(separator: "; "))", limit: TimelineMetrics.legendCharacters)
    }
    legend = legendLines

    // Lanes: the built-in channels in the language's order, `notify` channels in order of first
    // use, other actions, payments.
    var kinds: [TimelineLane.Kind] = []
    let channels =
      placed.compactMap(\.step.channel)
      + pending.compactMap { event -> String? in
        if case .channel(let name) = event.lane { return name }
        return nil
      }
    for channel in Channel.builtIn.map(\.name) where channels.contains(channel) { kinds.append(.channel(channel)) }
    for channel in channels where !kinds.contains(.channel(channel)) { kinds.append(.channel(channel)) }
    if placed.contains(where: { $0.step.channel == nil }) { kinds.append(.actions) }
    if pending.contains(where: { $0.lane == .payments }) { kinds.append(.payments) }
    if kinds.isEmpty { kinds.append(.actions) }
    let laneIndex = Dictionary(kinds.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

    // The axis, from every day something is drawn on.
    var days = placed.map(\.day)
    if let issueDay { days.append(issueDay) }
    let due = invoice?.due
    for event in pending {
      for date in [event.date, event.endDate].compactMap({ $0 }) {
        if let due { days.append(date.days(since: due)) }
      }
    }
    axisTop = TimelineMetrics.headerHeight
    lanesTop = axisTop + TimelineMetrics.axisHeight
    let axis = TimelineAxis(
      days: days, origin: TimelineMetrics.laneTitleWidth + TimelineMetrics.plotPadding, due: due)
    self.axis = axis

    // Marks, then events, each stacked into rows of its lane from left to right.
    let limit = TimelineMetrics.labelCharacters
    var marks: [TimelineMark] = []
    for (index, entry) in placed.enumerated() {
      let (step, day, date) = (entry.step, entry.day, entry.date)
      let lane = laneIndex[step.channel.map { .channel($0) } ?? .actions] ?? 0
      let outcome = invoice == nil ? nil : entry.occurrence.flatMap { outcomes[$0] } ?? .notDue
      marks.append(
        TimelineMark(
          step: step, index: index, lane: lane, row: 0, day: day, date: date, x: axis.x(ofDay: day), y: 0,
          label: TimelineText(
            "\(step.offset) " + (entry.movedTo.map { "→ \($0) " } ?? "")
              + (step.action.kind.keywords + step.action.arguments).joined(separator: " "), limit: limit),
          movedTo: entry.movedTo,
          condition: TimelineMark.conditionText(of: step).map { TimelineText($0, limit: limit) }, outcome: outcome,
          outcomeText: outcome.map { TimelineText(shown: $0.summary, full: $0.explanation, limit: limit) }))
    }
    var events: [TimelineEvent] = []
    for event in pending {
      let x = due.map { axis.x(ofDay: event.date.days(since: $0)) } ?? 0
      let endX = due.flatMap { due in event.endDate.map { axis.x(ofDay: $0.days(since: due)) } } ?? x
      events.append(
        TimelineEvent(
          kind: event.kind, date: event.date, endDate: event.endDate, lane: laneIndex[event.lane] ?? 0, row: 0, x: x,
          endX: endX, y: 0, label: TimelineText(event.label, limit: limit)))
    }

    var packers = Array(repeating: LabelPacker(), count: kinds.count)
    var right = axis.end
    let order =
      marks.indices.map { (x: marks[$0].x, order: $0, isMark: true) }
      + events.indices.map { (x: events[$0].x, order: $0, isMark: false) }
    for item in order.sorted(by: { ($0.x, $0.isMark ? 0 : 1, $0.order) < ($1.x, $1.isMark ? 0 : 1, $1.order) }) {
      let start = item.x - TimelineMetrics.markRadius
      if item.isMark {
        let mark = marks[item.order]
        let end = mark.x + TimelineMetrics.labelGap + TimelineLayout.labelWidth(of: mark)
        marks[item.order].row = packers[mark.lane].place(start: start, end: end)
        right = max(right, end)
      } else {
        let event = events[item.order]
        let end =
          max(
            event.endX,
            event.x + TimelineMetrics.labelGap
              + TimelineMetrics.width(characters: event.label.shown.count, size: .small))
        events[item.order].row = packers[event.lane].place(start: start, end: end)
        right = max(right, end)
      }
    }

    // Each lane's rows are as tall as its tallest label.
    var lines = Array(repeating: 1, count: kinds.count)
    for mark in marks {
      lines[mark.lane] = max(lines[mark.lane], 1 + (mark.condition == nil ? 0 : 1) + (mark.outcomeText == nil ? 0 : 1))
    }
    var laneList: [TimelineLane] = []
    var top = lanesTop
    for (index, kind) in kinds.enumerated() {
      let rows = packers[index].rows
      let rowHeight = TimelineMetrics.lineHeight * Double(lines[index]) + 14
      let height = Double(rows) * rowHeight + 2 * TimelineMetrics.lanePadding
      laneList.append(
        TimelineLane(
          kind: kind, title: TimelineText(TimelineLane.title(of: kind), limit: TimelineMetrics.laneTitleCharacters),
          top: top, height: height, rows: rows, rowHeight: rowHeight))
      top += height
    }
    func centre(lane: Int, row index: Int) -> Double {
      laneList[lane].top + TimelineMetrics.lanePadding + Double(index) * laneList[lane].rowHeight
        + TimelineMetrics.markRadius + 6
    }
    for index in marks.indices { marks[index].y = centre(lane: marks[index].lane, row: marks[index].row) }
    for index in events.indices { events[index].y = centre(lane: events[index].lane, row: events[index].row) }
    self.lanes = laneList
    self.marks = marks
    self.events = events
    lanesBottom = top
    legendTop = top + 36
    let legendCount = Double(legendLines.count + 1 + (unplaced.isEmpty ? 0 : 1))
    height = legendTop + legendCount * TimelineMetrics.legendLineHeight + 12
    let legendWidth = (legendLines.map(\.shown.count).max() ?? 0)
    width = max(
      TimelineMetrics.minimumWidth, right + TimelineMetrics.rightMargin,
      24 + TimelineMetrics.width(characters: max(legendWidth, subtitleText.shown.count), size: .small))
  }

  /// The width of a mark's label: its longest line.
  static func labelWidth(of mark: TimelineMark) -> Double {
    let first = TimelineMetrics.width(characters: mark.label.shown.count, size: .label)
    let others = [mark.condition, mark.outcomeText].compactMap { $0 }.map {
      TimelineMetrics.width(characters: $0.shown.count, size: .small)
    }
    return ([first] + others).max() ?? first
  }
}
