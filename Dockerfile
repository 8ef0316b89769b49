# syntax=docker/dockerfile:1
# Build: the SDK image restores and publishes; only the published output reaches the runtime image.
# The SDK stage runs on the build machine's platform and publishes for the target's (amd64, or arm64 for a Pi):
# a runtime identifier keeps only that platform's native libraries (ONNX Runtime, SkiaSharp, libsodium). Without it
# the publish carried every platform's, about 420 MB of the image; with it the app is about 155 MB.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props global.json BackendPrep.sln .editorconfig ./
COPY src/ src/
COPY tests/ tests/
RUN dotnet restore src/BackendPrep.Bot/BackendPrep.Bot.csproj -a $TARGETARCH
# Framework-dependent, started with `dotnet backendprep.dll`, so no native apphost is needed for the target.
RUN dotnet publish src/BackendPrep.Bot/BackendPrep.Bot.csproj -c Release --no-restore -a $TARGETARCH \
    --self-contained false -p:UseAppHost=false -o /app

# Runtime: the ASP.NET Core runtime, since Kestrel serves the HTTP interactions endpoint (Discord:Mode=Http; bind
# Discord:Http:Address=0.0.0.0 in a container). tzdata is installed explicitly (reminders schedule in IANA time zones;
# a slim image without it silently falls back to UTC), and fontconfig for the progress chart renderer.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends tzdata libfontconfig1 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY content/ ./content/
# The database lives on a volume so upgrades and restarts keep progress. /backups is owned by the app user so a named
# volume mounted there for Storage:Backup:Directory starts writable (docs/operations.md, Backup).
RUN mkdir -p /data /backups && chown app:app /data /backups
VOLUME ["/data"]
# The ops port (/metrics, /healthz) is on in the image so HEALTHCHECK works; it binds loopback unless
# BACKENDPREP_Ops__Address=0.0.0.0 is set for a Prometheus outside the container (see docs/operations.md).
# GCgen0size: the GC sizes gen0 from the L3 cache (300 MB on a shared VPS), which let RSS climb to 200 MB within a
# minute at 50 interactions/s; 4 MB holds it near 110–115 MB (docs/performance.md). Only an environment variable sets it.
# MALLOC_MMAP_THRESHOLD_: native blocks of 64 KB and more (the JIT's scratch arenas, mostly at start and tier-up) are
# mapped and unmapped instead of staying resident in glibc's arenas after use: 0.4–1.4 MB less idle (docs/performance.md).
# MALLOC_ARENA_MAX: two glibc arenas instead of one per thread up to 8 per core; 2 of 9 runs without it settled
# 2–3 MB higher (a third arena's pages), 0 of 7 with it, and the turnaround did not move (docs/performance.md).
ENV BACKENDPREP_Storage__Path=/data/backendprep.db \
    BACKENDPREP_Content__Path=/app/content \
    BACKENDPREP_Ops__Port=9464 \
    DOTNET_gcServer=0 \
    DOTNET_GCgen0size=0x400000 \
    MALLOC_MMAP_THRESHOLD_=65536 \
    MALLOC_ARENA_MAX=2
EXPOSE 9464
USER app
# aspnet:10.0 ships neither curl nor wget: the bot's own `health` verb GETs /healthz and exits 0 only on 200.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["dotnet", "backendprep.dll", "health"]
# The token comes from the environment (BACKENDPREP_Discord__Token), never from the image.
ENTRYPOINT ["dotnet", "backendprep.dll"]
