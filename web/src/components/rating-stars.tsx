import { useId } from "react";
import { describeRating, starFills } from "./rating";

const STAR = "M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z";

export function RatingStars({ average, count }: { average: number; count: number }) {
  const { short, spoken } = describeRating(average, count);
  const halfId = `${useId()}-half`;
  return (
    <span className="rating">
      <svg className="stars" aria-hidden="true" focusable="false" viewBox="0 0 120 24" width="90" height="18">
        <defs>
          <linearGradient id={halfId}>
            <stop offset="50%" stopColor="currentColor" />
            <stop offset="50%" stopColor="transparent" />
          </linearGradient>
        </defs>
        {starFills(count ? average : 0).map((fill, i) => (
          <path
            key={i}
            transform={`translate(${i * 24} 0)`}
            d={STAR}
            fill={fill === "full" ? "currentColor" : fill === "half" ? `url(#${halfId})` : "none"}
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinejoin="round"
          />
        ))}
      </svg>
      <span className="rating-text" aria-hidden="true">
        {short}
      </span>
      <span className="sr-only">{spoken}</span>
    </span>
  );
}
