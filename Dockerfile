# Build monev and run it against the database in docker-compose.yml.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/monev ./cmd/monev

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates chromium fonts-liberation fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 monev
COPY --from=build /out/monev /usr/local/bin/monev
USER monev
ENV MONEV_ADDR=0.0.0.0:8080
EXPOSE 8080
# Migrate on start, then serve.
CMD ["sh", "-c", "monev migrate up && exec monev serve"]
