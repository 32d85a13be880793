namespace Plumb.ServiceNow.Tests.Cli;

using System.Text;
using Plumb.Cli;

public sealed class ConnectionCliTests : IDisposable
{
    private const string Password = "cli-password-nobody-sees";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PlumbCli.RunAsync(args, new CliContext(output, error) { CancellationToken = TestContext.Current.CancellationToken });
        return (exit, output.ToString(), error.ToString());
    }

    private string Credentials()
    {
        var file = _folder.Combine("prod.credentials");
        File.WriteAllText(file, $"user=plumb.reader\npassword={Password}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return file;
    }

    [Fact]
    public async Task Connection_add_stores_the_password_encrypted_and_list_never_shows_it()
    {
        var db = _folder.Combine("plumb.db");
        var (exit, output, error) = await Run("connection", "add", "prod", "--instance", "https://acme.service-now.com", "--credentials", Credentials(), "--db", db);
        Assert.True(exit == 0, error);
        Assert.Contains("Added connection 'prod'", output);

        var (listed, list, _) = await Run("connection", "list", "--db", db);
        Assert.Equal(0, listed);
        Assert.Contains("prod\thttps://acme.service-now.com/\tbasic plumb.reader\tevery 60 min", list);
        Assert.DoesNotContain(Password, output + error + list);
        var bytes = Encoding.UTF8.GetBytes(Password);
        foreach (var file in Directory.GetFiles(_folder.Path, "plumb.db*")) Assert.Equal(-1, File.ReadAllBytes(file).AsSpan().IndexOf(bytes));

        Assert.Equal(0, (await Run("connection", "remove", "prod", "--db", db)).Exit);
        Assert.Equal(2, (await Run("connection", "remove", "prod", "--db", db)).Exit);
    }

    [Fact]
    public async Task Connection_add_refuses_plain_http_to_an_instance_with_exit_2()
    {
        var (exit, _, error) = await Run("connection", "add", "prod", "--instance", "http://acme.service-now.com", "--credentials", Credentials(),
            "--db", _folder.Combine("plumb.db"));

        Assert.Equal(2, exit);
        Assert.Contains("plain http", error);
    }
}
