using GraphIntel.Seed;

return await SeedCli.RunAsync(args, SeedConsole.FromSystem());
