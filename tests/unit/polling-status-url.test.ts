import { describe, expect, it } from "vitest";
import { statusUrl } from "@/lib/polling/status-url";

const descript = { baseUrl: "https://descriptapi.com/", pathTemplate: "/v1/jobs/{jobId}" };

describe("statusUrl", () => {
  it("puts the job id where the template says, once per placeholder", () => {
    expect(statusUrl(descript, "job_123")).toBe("https://descriptapi.com/v1/jobs/job_123");
    expect(
      statusUrl(
        {
          baseUrl: "http://127.0.0.1:8000/base",
          pathTemplate: "/v2/movies?project={jobId}&again={jobId}",
        },
        "abc",
      ),
    ).toBe("http://127.0.0.1:8000/base/v2/movies?project=abc&again=abc");
  });

  it("keeps a hostile id inside its segment or query value", () => {
    expect(statusUrl(descript, "../../admin?x=1#y")).toBe(
      "https://descriptapi.com/v1/jobs/..%2F..%2Fadmin%3Fx%3D1%23y",
    );
    expect(
      statusUrl(
        { baseUrl: "https://api.example", pathTemplate: "/v2/movies?project={jobId}" },
        "a&token=stolen",
      ),
    ).toBe("https://api.example/v2/movies?project=a%26token%3Dstolen");
    expect(statusUrl(descript, "ünï code")).toBe(
      "https://descriptapi.com/v1/jobs/%C3%BCn%C3%AF%20code",
    );
  });

  it("refuses ids that URL parsing would resolve as dot segments", () => {
    expect(() => statusUrl(descript, "..")).toThrow(/cannot be put into a status URL/);
    expect(() => statusUrl(descript, ".")).toThrow(/cannot be put into a status URL/);
  });
});
