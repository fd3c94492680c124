using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Runtime.Tests.Scalars;

public class AwsScalarValidationTests
{
    [TestCase("example@example.com")]
    [TestCase("first.last+tag@sub.example.co.uk")]
    [TestCase("user@localhost")]
    [TestCase("o'brien_#1!@x-y.example")]
    public void Email_Valid(string value) => Assert.That(AwsScalarValidation.IsValidEmail(value), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("example")]
    [TestCase("@example.com")]
    [TestCase("user@")]
    [TestCase("user@@example.com")]
    [TestCase("us er@example.com")]
    [TestCase(".user@example.com")]
    [TestCase("user.@example.com")]
    [TestCase("us..er@example.com")]
    [TestCase("user@-example.com")]
    [TestCase("user@example-.com")]
    [TestCase("user@example..com")]
    [TestCase("user@.example.com")]
    [TestCase("user@example.com.")]
    [TestCase("user@exa_mple.com")]
    [TestCase("\"quoted\"@example.com")]
    [TestCase("user@[127.0.0.1]")]
    [TestCase("josé@exämple.de")] // ASCII only: the backend refuses non-ASCII addresses
    public void Email_Invalid(string? value) => Assert.That(AwsScalarValidation.IsValidEmail(value), Is.False);

    [Test]
    public void Email_LengthLimits()
    {
        Assert.That(AwsScalarValidation.IsValidEmail(new string('a', 64) + "@example.com"), Is.True);
        Assert.That(AwsScalarValidation.IsValidEmail(new string('a', 65) + "@example.com"), Is.False);
        Assert.That(AwsScalarValidation.IsValidEmail("a@" + new string('b', 63) + ".com"), Is.True);
        Assert.That(AwsScalarValidation.IsValidEmail("a@" + new string('b', 64) + ".com"), Is.False);
    }

    [TestCase("https://www.amazon.com/dp/B000NZW3KC/")]
    [TestCase("mailto:example@example.com")]
    [TestCase("http://example.com")]
    [TestCase("https://example.com:8443/a/b?q=1&r=%20#frag")]
    [TestCase("ftp://files.example.com/pub/file.txt")]
    [TestCase("urn:isbn:0451450523")]
    [TestCase("git+ssh://git@github.com/owner/repo.git")]
    [TestCase("http://192.168.0.1/")]
    [TestCase("http://[::1]:8080/")]
    public void Url_Valid(string value) => Assert.That(AwsScalarValidation.IsValidUrl(value), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("example.com")]
    [TestCase("www.example.com/path")]
    [TestCase("/etc/passwd")]
    [TestCase("C:\\Windows")]
    [TestCase("c:/Windows")]
    [TestCase("http://")]
    [TestCase("http:")]
    [TestCase("https://example.com//double")]
    [TestCase("https://exa mple.com")]
    [TestCase("https://example.com/\n")]
    [TestCase("1http://example.com")]
    [TestCase("://example.com")]
    public void Url_Invalid(string? value) => Assert.That(AwsScalarValidation.IsValidUrl(value), Is.False);

    [TestCase("+1 206-555-0100")]
    [TestCase("+1 (206) 555-0100")]
    [TestCase("(206) 555-0100")]
    [TestCase("206.555.0100")]
    [TestCase("2065550100")]
    [TestCase("+442079460958")]
    [TestCase("00 44 20 7946 0958")]
    [TestCase("+683 4002")]
    [TestCase("1234")]
    public void Phone_Valid(string value) => Assert.That(AwsScalarValidation.IsValidPhone(value), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("123")]
    [TestCase("+")]
    [TestCase("phone")]
    [TestCase("206-555-CALL")]
    [TestCase("1+2065550100")]
    [TestCase("++12065550100")]
    [TestCase("206--555-0100")]
    [TestCase("206-555-0100-")]
    [TestCase("-206-555-0100")]
    [TestCase("(206 555-0100")]
    [TestCase("206) 555-0100")]
    [TestCase("() 2065550100")]
    [TestCase("(206) (555) 0100")]
    [TestCase("((206)) 555-0100")]
    [TestCase("123456789012345678")]
    [TestCase("1234567890123456")] // more than E.164's 15 digits
    [TestCase("206 555 0100 ext 5")]
    [TestCase("２０６５５５０１００")]
    public void Phone_Invalid(string? value) => Assert.That(AwsScalarValidation.IsValidPhone(value), Is.False);

    [TestCase("123.12.34.56")]
    [TestCase("0.0.0.0")]
    [TestCase("255.255.255.255")]
    [TestCase("123.45.67.89/16")]
    [TestCase("10.0.0.0/0")]
    [TestCase("10.0.0.0/32")]
    [TestCase("1a2b:3c4b::1234:4567")]
    [TestCase("::1")]
    [TestCase("::")]
    [TestCase("2001:db8::/32")]
    [TestCase("2001:0db8:85a3:0000:0000:8a2e:0370:7334")]
    [TestCase("::ffff:192.0.2.128")]
    [TestCase("fe80::1/128")]
    public void IPAddress_Valid(string value) => Assert.That(AwsScalarValidation.IsValidIPAddress(value), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("1")]
    [TestCase("1.2.3")]
    [TestCase("1.2.3.4.5")]
    [TestCase("256.1.1.1")]
    [TestCase("01.2.3.4")]
    [TestCase("1.2.3.4/33")]
    [TestCase("1.2.3.4/")]
    [TestCase("1.2.3.4/08")]
    [TestCase("1.2.3.4/-1")]
    [TestCase("1..3.4")]
    [TestCase("1.2.3.4.")]
    [TestCase(" 1.2.3.4")]
    [TestCase("0x7f.0.0.1")]
    [TestCase("::1/129")]
    [TestCase("[::1]")]
    [TestCase("fe80::1%eth0")]
    [TestCase("1:2:3:4:5:6:7:8:9")]
    [TestCase("1::2::3")]
    [TestCase("gggg::1")]
    [TestCase("localhost")]
    public void IPAddress_Invalid(string? value) => Assert.That(AwsScalarValidation.IsValidIPAddress(value), Is.False);

    [TestCase(ScalarType.AWSEmail, "not-an-email", "is not a valid AWSEmail. Expected an address local-part@domain")]
    [TestCase(ScalarType.AWSURL, "example.com", "is not a valid AWSURL. Expected an absolute URL with a scheme")]
    [TestCase(ScalarType.AWSPhone, "call me", "is not a valid AWSPhone. Expected 4-15 digits")]
    [TestCase(ScalarType.AWSIPAddress, "300.1.1.1", "is not a valid AWSIPAddress. Expected IPv4")]
    [TestCase(ScalarType.AWSDate, "2023-02-29", "is not a valid AWSDate: day 29 does not exist")]
    [TestCase(ScalarType.AWSTime, "24:00", "is not a valid AWSTime: hour 24")]
    [TestCase(ScalarType.AWSDateTime, "1970-01-01T00:00", "is not a valid AWSDateTime: a time-zone offset")]
    [TestCase(ScalarType.AWSTimestamp, "1.5", "is not a valid AWSTimestamp")]
    [TestCase(ScalarType.AWSJSON, "{", "is not a valid AWSJSON")]
    public void Validate_Throws_NamingTypeFieldAndValue(ScalarType type, string value, string detail)
    {
        var ex = Assert.Throws<FormatException>(() => AwsScalarValidation.Validate(type, value, "Post", "contact"));

        Assert.That(ex!.Message, Does.StartWith($"Post.contact: '{value}' "));
        Assert.That(ex.Message, Does.Contain(detail));
        Assert.That(AwsScalarValidation.IsValid(type, value), Is.False);
        Assert.That(AwsScalarValidation.GetValidationError(type, value), Does.StartWith($"'{value}' ").And.Contain(detail));
    }

    [TestCase(ScalarType.AWSEmail, "user@example.com")]
    [TestCase(ScalarType.AWSURL, "https://example.com")]
    [TestCase(ScalarType.AWSPhone, "+1 206-555-0100")]
    [TestCase(ScalarType.AWSIPAddress, "10.0.0.1/8")]
    [TestCase(ScalarType.AWSDate, "2024-02-29")]
    [TestCase(ScalarType.AWSTime, "23:59:59.999999999")]
    [TestCase(ScalarType.AWSDateTime, "1970-01-01T00:00Z")]
    [TestCase(ScalarType.AWSTimestamp, "-5")]
    [TestCase(ScalarType.AWSJSON, "{\"a\": 1}")]
    [TestCase(ScalarType.String, "anything at all")]
    [TestCase(ScalarType.ID, "")]
    public void Validate_Accepts(ScalarType type, string value)
    {
        Assert.DoesNotThrow(() => AwsScalarValidation.Validate(type, value, "Post", "contact"));
        Assert.That(AwsScalarValidation.IsValid(type, value), Is.True);
        Assert.That(AwsScalarValidation.GetValidationError(type, value), Is.Null);
    }

    [Test]
    public void Validate_NullValue_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => AwsScalarValidation.Validate(ScalarType.AWSEmail, null!, "Post", "email"));
    }
}
