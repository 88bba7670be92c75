# image: workbench/dockerd
# Debian's Docker Engine, to run inside a container: the nuvem lesson's remote host (NestedEngines).
FROM workbench/debian:bookworm
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker.io mount ca-certificates && rm -rf /var/lib/apt/lists/*
CMD ["dockerd"]
