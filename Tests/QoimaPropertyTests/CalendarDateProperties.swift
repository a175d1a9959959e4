import PropertyBased
import QoimaCore
import Testing

@Suite struct CalendarDateProperties {
    @Test func dayNumberRoundTrips() async {
        await propertyCheck(input: Gen.int(in: -719_000...2_932_000)) { dayNumber in
            let date = CalendarDate(dayNumber: dayNumber)
            #expect(date.dayNumber == dayNumber)
            #expect(CalendarDate(year: date.year, month: date.month, day: date.day) == date)
        }
    }

    @Test func textRoundTrips() async {
        await propertyCheck(input: Gen.int(in: 0...2_900_000)) { dayNumber in
            let date = CalendarDate(dayNumber: dayNumber)
            #expect(CalendarDate(ddMMyyyy: date.ddMMyyyy) == date)
        }
    }
}
