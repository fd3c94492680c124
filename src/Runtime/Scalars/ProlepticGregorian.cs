namespace Amplify.DataStore;

/// <summary>
/// Calendar arithmetic on the proleptic Gregorian calendar with astronomical year numbering (year 0 = 1 BC),
/// as ISO 8601 uses. <see cref="System.DateOnly"/> cannot represent years below 1, and AppSync dates may be in year 0000 (1 BC).
/// </summary>
internal static class ProlepticGregorian
{
    /// <summary>Seconds in one day.</summary>
    public const long SecondsPerDay = 86_400;

    /// <summary>Whether <paramref name="year"/> has a 29 February (works for zero and negative years).</summary>
    public static bool IsLeapYear(int year) => AwsScalars.AwsTemporalGrammar.IsLeapYear(year);

    /// <summary>The number of days in a month (1–12) of a year.</summary>
    public static int DaysInMonth(int year, int month) => AwsScalars.AwsTemporalGrammar.DaysInMonth(year, month);

    /// <summary>Days from 1970-01-01 to the given date (negative before it).</summary>
    public static int DaysFromCivil(int year, int month, int day)
    {
        // Howard Hinnant's days_from_civil: shift the year to start in March so the leap day comes last.
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - (era * 400);
        int dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        int dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - 719_468;
    }

    /// <summary>The date <paramref name="days"/> days after 1970-01-01.</summary>
    public static (int Year, int Month, int Day) CivilFromDays(long days)
    {
        long z = days + 719_468;
        long era = (z >= 0 ? z : z - 146_096) / 146_097;
        long dayOfEra = z - (era * 146_097);
        long yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        long dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        long mp = ((5 * dayOfYear) + 2) / 153;
        int day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
        int month = (int)(mp < 10 ? mp + 3 : mp - 9);
        int year = (int)(yearOfEra + (era * 400) + (month <= 2 ? 1 : 0));
        return (year, month, day);
    }

    /// <summary>Floor division, so negative instants map to the right day.</summary>
    public static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
}
