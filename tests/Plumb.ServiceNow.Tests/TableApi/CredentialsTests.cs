namespace Plumb.ServiceNow.Tests.TableApi;

using Plumb.ServiceNow.TableApi;

public sealed class CredentialsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    internal static void Chmod(string file, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, mode);
    }

    private static Func<string, string?> Env(params (string Key, string Value)[] values) =>
        key => values.FirstOrDefault(v => v.Key == key).Value;

    [Fact]
    public void Basic_credentials_come_from_the_environment_and_never_show_the_password()
    {
        var credentials = SnowCredentials.Resolve(Env(("PLUMB_SNOW_USER", "reader"), ("PLUMB_SNOW_PASSWORD", "pa55word")), null);

        Assert.False(credentials.IsOAuth);
        Assert.Equal("reader", credentials.User);
        Assert.DoesNotContain("pa55word", credentials.ToString());
    }

    [Fact]
    public void OAuth_client_credentials_come_from_the_environment()
    {
        var credentials = SnowCredentials.Resolve(Env(("PLUMB_SNOW_CLIENT_ID", "id"), ("PLUMB_SNOW_CLIENT_SECRET", "shh")), null);

        Assert.True(credentials.IsOAuth);
        Assert.Null(credentials.User);
        Assert.DoesNotContain("shh", credentials.ToString());
    }

    [Fact]
    public void Missing_credentials_say_which_variables_to_set()
    {
        var error = Assert.Throws<SnowException>(() => SnowCredentials.Resolve(Env(), null));
        Assert.Contains("PLUMB_SNOW_USER and PLUMB_SNOW_PASSWORD", error.Message);
    }

    [Fact]
    public void A_credentials_file_readable_by_others_is_refused()
    {
        var file = _folder.Combine("snow.credentials");
        File.WriteAllText(file, "user=reader\npassword=pa55word\n");
        Chmod(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = Assert.Throws<SnowException>(() => SnowCredentials.FromFile(file));
        Assert.Contains("can be read by others (mode 0644); run 'chmod 600", error.Message);
        Assert.DoesNotContain("pa55word", error.Message);
    }

    [Fact]
    public void A_private_credentials_file_is_read()
    {
        var file = _folder.Combine("snow.credentials");
        File.WriteAllText(file, "# instance reader\nclient_id = id\nclient_secret = shh\nuser=reader\npassword=pa55word\n");
        Chmod(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var credentials = SnowCredentials.Resolve(Env(("PLUMB_SNOW_USER", "ignored")), file);
        Assert.True(credentials.IsOAuth);
        Assert.Equal("reader", credentials.User);
    }

    [Fact]
    public void A_credentials_file_with_an_unknown_key_names_the_line()
    {
        var file = _folder.Combine("snow.credentials");
        File.WriteAllText(file, "user=reader\npasword=oops\n");
        Chmod(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = Assert.Throws<SnowException>(() => SnowCredentials.FromFile(file));
        Assert.Equal($"{file}:2: unknown key 'pasword'; expected user, password, client_id or client_secret", error.Message);
    }

    [Theory]
    [InlineData("https://acme.service-now.com", "https://acme.service-now.com/")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://localhost:5000/", "http://localhost:5000/")]
    public void Instance_urls_are_https_or_loopback(string text, string expected) =>
        Assert.Equal(expected, InstanceUrl.Parse(text).ToString());

    [Theory]
    [InlineData("http://acme.service-now.com", "uses plain http")]
    [InlineData("acme.service-now.com", "is not an http(s) URL")]
    [InlineData("https://admin:pw@acme.service-now.com", "must not carry a user name or password")]
    public void Other_instance_urls_are_refused(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<SnowException>(() => InstanceUrl.Parse(text)).Message);
}
