using System.Globalization;
using System.Text;

namespace RiskMap.Data.Demo;

/// <summary>Writes the demo data in the very formats users import, so the demo goes through the real importers.</summary>
public static class DemoCsv
{
    public static void WriteSchools(string path, IEnumerable<DemoSchool> schools)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("code,name_ru,name_kk,type,language,settlement,pupils,lat,lon");
        foreach (var s in schools)
        {
            writer.WriteLine(string.Join(',', s.Code, Quote(s.NameRu), Quote(s.NameKk), s.Type, s.Language, s.Settlement,
                Number(s.Pupils), Number(s.Lat), Number(s.Lon)));
        }
    }

    public static void WriteObservations(string path, IEnumerable<DemoObservation> observations)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("entity_level,entity_code,indicator,period,value,denominator");
        foreach (var o in observations)
        {
            writer.WriteLine(string.Join(',', o.Level, o.Code, o.Indicator, o.Period, Number(o.Value),
                o.Denominator is { } d ? Number(d) : ""));
        }
    }

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
}
