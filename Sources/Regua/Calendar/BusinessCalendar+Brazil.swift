extension BusinessCalendar {
  /// `BR`: the national non-business days of the Brazilian financial system, as ANBIMA lists
  /// them, with Saturdays and Sundays.
  ///
  /// 01-01 Confraternização Universal; Carnival Monday and Tuesday (Easter − 48 and − 47 days);
  /// Good Friday (Easter − 2, Paixão de Cristo); 04-21 Tiradentes; 05-01 Dia do Trabalho; Corpus
  /// Christi (Easter + 60); 09-07 Independência do Brasil; 10-12 Nossa Senhora Aparecida; 11-02
  /// Finados; 11-15 Proclamação da República; 11-20 Dia Nacional de Zumbi e da Consciência Negra
  /// (from 2024, Lei 14.759/2023); 12-25 Natal. Ash Wednesday is a business day, and holidays on
  /// a weekend are not moved. The names are ANBIMA's, in Portuguese. The same rules give every
  /// year (the list as it stands today, applied to 1900–2200 and beyond).
  public static let brazil = BusinessCalendar(
    storage: Storage(
      name: "BR", weekend: [.saturday, .sunday], rules: brazilRules, holidays: [:], workdays: []))

  /// The rules of ``brazil``, in date order within a year.
  static let brazilRules: [HolidayRule] = [
    HolidayRule("Confraternização Universal", .fixed(month: 1, day: 1)),
    HolidayRule("Carnaval", .easter(days: -48)),
    HolidayRule("Carnaval", .easter(days: -47)),
    HolidayRule("Paixão de Cristo", .easter(days: -2)),
    HolidayRule("Tiradentes", .fixed(month: 4, day: 21)),
    HolidayRule("Dia do Trabalho", .fixed(month: 5, day: 1)),
    HolidayRule("Corpus Christi", .easter(days: 60)),
    HolidayRule("Independência do Brasil", .fixed(month: 9, day: 7)),
    HolidayRule("Nossa Senhora Aparecida", .fixed(month: 10, day: 12)),
    HolidayRule("Finados", .fixed(month: 11, day: 2)),
    HolidayRule("Proclamação da República", .fixed(month: 11, day: 15)),
    HolidayRule("Dia Nacional de Zumbi e da Consciência Negra", .fixed(month: 11, day: 20), from: 2024),
    HolidayRule("Natal", .fixed(month: 12, day: 25)),
  ]
}
