# image: workbench/registry
# The CNCF distribution registry as Debian packages it, with htpasswd for basic auth (lesson nuvem).
FROM workbench/debian:bookworm
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker-registry apache2-utils && rm -rf /var/lib/apt/lists/*
EXPOSE 5000
CMD ["docker-registry", "serve", "/etc/docker/registry/config.yml"]
