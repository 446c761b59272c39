using System.Text;
using System.Text.Json;
using MeritApi.Domain.Canonical;

namespace MeritApi.Domain.Tests.Canonical;

/// <summary>The rules of src/MeritApi.Domain/Canonical/SPECIFICATION.md, one by one, as a reimplementation would check them.</summary>
public sealed class CanonicalJsonTests
{
    private static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Encoding.UTF8.GetString(CanonicalJson.Canonicalize(document.RootElement));
    }

    [TestCase("0", "0")]
    [TestCase("-0", "0")]
    [TestCase("-0.000", "0")]
    [TestCase("0.0e5", "0")]
    [TestCase("85.50", "85.5")]
    [TestCase("85.00", "85")]
    [TestCase("1E2", "100")]
    [TestCase("1.25e+1", "12.5")]
    [TestCase("125e-3", "0.125")]
    [TestCase("-1.5E-7", "-0.00000015")]
    [TestCase("12345678901234567890123456789012345.678900", "12345678901234567890123456789012345.6789")]
    [TestCase("0.3333333333333333333333333333", "0.3333333333333333333333333333")]
    public void A_number_is_the_string_of_its_exact_value_in_normal_form(string number, string normal)
    {
        Assert.That(CanonicalJson.NormaliseNumber(number), Is.EqualTo(normal));
        Assert.That(Canonical($"[{number}]"), Is.EqualTo($"[\"{normal}\"]"));
    }

    [TestCase("007", "7")]
    [TestCase("00.10", "0.1")]
    public void Leading_zeros_that_json_does_not_allow_still_normalise(string number, string normal) =>
        Assert.That(CanonicalJson.NormaliseNumber(number), Is.EqualTo(normal));

    [TestCase("85.50")]
    [TestCase("-0.00")]
    [TestCase("100")]
    [TestCase("0.0000000000000000000000000001")]
    [TestCase("79228162514264337593543950335")]
    public void A_decimal_and_its_json_text_have_the_same_normal_form(string text) =>
        Assert.That(CanonicalJson.Normalise(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(CanonicalJson.NormaliseNumber(text)));

    [Test]
    public void Members_are_sorted_by_utf16_code_units_at_every_depth_and_arrays_keep_their_order() =>
        // The key order of RFC 8785 §3.2.3's example.
        Assert.That(Canonical("""{"\u20ac":1,"\r":2,"\ufb33":3,"1":{"b":[3,1,2],"a":null},"\ud83d\ude00":true,"\u0080":false,"\u00f6":"x"}"""),
            Is.EqualTo("{\"\\r\":\"2\",\"1\":{\"a\":null,\"b\":[\"3\",\"1\",\"2\"]},\"\u0080\":false,\"\u00f6\":\"x\",\"\u20ac\":\"1\"," +
                       "\"\ud83d\ude00\":true,\"\ufb33\":\"3\"}"));

    [Test]
    public void Strings_are_escaped_as_json_stringify_escapes_them()
    {
        Assert.That(Canonical("""["\"\\\/\b\f\n\r\t\u0000\u001f\u007f\u2028 é 🙂 <&>"]"""),
            Is.EqualTo("[\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\u2028 é 🙂 <&>\"]"));
        // A lone surrogate is not Unicode (the API refuses it on input); should one be written, it is escaped in lower-case
        // hex as JSON.stringify does, never replaced.
        var writer = new CanonicalJsonWriter();
        writer.Text("a\ud800b\udc00 \ud83d\ude00");
        Assert.That(Encoding.UTF8.GetString(writer.Written), Is.EqualTo("\"a\\ud800b\\udc00 \ud83d\ude00\""));
    }

    [Test]
    public void Whitespace_goes_and_nothing_is_omitted() =>
        Assert.That(Canonical("{ \"b\" : [ ] , \"a\" : { } , \"c\" : null }"), Is.EqualTo("{\"a\":{},\"b\":[],\"c\":null}"));

    [Test]
    public void The_writer_writes_what_canonicalize_gives_for_the_same_value()
    {
        var writer = new CanonicalJsonWriter();
        writer.StartObject();
        writer.Name("a");
        writer.StartArray();
        writer.Number(1.50m);
        writer.WholeNumber(7);
        writer.WholeNumber(null);
        writer.Text("x\ny");
        writer.Bool(false);
        writer.EndArray();
        writer.Name("b");
        writer.StartObject();
        writer.EndObject();
        writer.EndObject();

        Assert.That(Encoding.UTF8.GetString(writer.Written), Is.EqualTo(Canonical("""{"b":{},"a":[1.5,7,null,"x\ny",false]}""")));
    }
}
