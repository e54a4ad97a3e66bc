/// The sizes a timeline is laid out with: estimated text widths, row heights, margins.
///
/// Text is measured by estimate, without fonts: a character of the drawing's sans-serif fonts
/// is taken as a generous average width, so labels may end a little before their estimated end
/// but never run into the next one.
enum TimelineMetrics {
  /// A text size the drawing uses.
  enum Size {
    /// Step labels' first lines (12 px, semi-bold).
    case label
    /// Conditions, outcomes, axis labels (11 px).
    case small
  }

  /// The estimated width of `characters` characters of a size, in pixels.
  static func width(characters: Int, size: Size) -> Double {
    switch size {
    case .label: return Double(characters) * 7.2
    case .small: return Double(characters) * 6.3
    }
  }

  /// The most characters of a step's label, a condition or an outcome drawn before cutting.
  static let labelCharacters = 34
  /// The most characters of a lane's heading.
  static let laneTitleCharacters = 16
  /// The most characters of a legend line.
  static let legendCharacters = 130
  /// The most characters of the title.
  static let titleCharacters = 60

  /// The width of the lane headings' column.
  static let laneTitleWidth = 130.0
  /// Space between the headings and the first day.
  static let plotPadding = 24.0
  /// The height of the title and subtitle.
  static let headerHeight = 60.0
  /// The height of the axis' labels.
  static let axisHeight = 44.0
  /// The distance between lines of a label.
  static let lineHeight = 14.0
  /// Padding above and below a lane's rows.
  static let lanePadding = 6.0
  /// The radius of a step's mark.
  static let markRadius = 6.0
  /// The gap between a mark and its label.
  static let labelGap = 10.0
  /// The least space between two labels of one row.
  static let labelSpacing = 14.0
  /// The height of one legend line.
  static let legendLineHeight = 18.0
  /// The least width of the drawing.
  static let minimumWidth = 760.0
  /// The margin right of the last label.
  static let rightMargin = 24.0
}
