namespace GraphIntel.Api.Hosting;

/// <summary>
/// The API cannot start as configured (bad API keys, the store locked by another process…). Program.cs prints the
/// message as one line on standard error and exits with code 1; the message names the setting, never a secret.
/// </summary>
internal sealed class StartupConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
