"""A field of a data file in a Chinese editor's words: ("activities", 71, "venue") becomes
第 72 项活动「每月法律政策讲座」的「地点」(venue): the item by its number counted from one
and its title, the field by its Chinese name with the key she typed."""

from __future__ import annotations

from typing import Any

# What one item of each top-level list is.
ITEMS = {
    "activities": "活动",
    "trainings": "培训课程",
    "sessions": "课",
    "places": "地点",
    "townships": "街镇",
    "services": "服务",
    "hotlines": "热线",
    "categories": "活动类别",
    "organisers": "主办单位",
    "synonyms": "同义词组",
    "phones": "电话",
    "changes": "改动",
}
FIELDS = {
    "accessibility": "无障碍信息",
    "address": "地址",
    "all_day": "全天",
    "audience": "对象",
    "category": "类别",
    "changes": "改动",
    "cost": "费用",
    "count": "次数",
    "date": "日期",
    "deadline": "报名截止日期",
    "description": "介绍",
    "end": "结束时间",
    "end_date": "结束日期",
    "example": "示例",
    "except": "不举办的日期",
    "frequency": "重复方式",
    "full": "已满",
    "help": "求助",
    "hours": "开放时间",
    "how": "报名方式",
    "id": "编号",
    "interval": "间隔",
    "kind": "类型",
    "label": "说明",
    "location": "位置",
    "moved_to": "改到",
    "name": "名称",
    "note": "备注",
    "number": "号码",
    "organiser": "主办单位",
    "page": "页面",
    "pages": "页面",
    "phone": "电话",
    "phones": "电话",
    "registration": "报名",
    "repeat": "重复",
    "services": "服务",
    "short": "简称",
    "start": "开始时间",
    "status": "状态",
    "terms": "词语",
    "timezone": "时区",
    "title": "标题",
    "township": "所属街镇",
    "until": "截止日期",
    "updated": "更新日期",
    "venue": "地点",
    "weekday": "星期",
    "words": "词语",
    "zh": "中文",
    "en": "英文",
}


def field_zh(path: tuple[str | int, ...], data: Any) -> str:
    parts: list[str] = []
    node = data
    index = 0
    while index < len(path):
        key = path[index]
        following = path[index + 1] if index + 1 < len(path) else None
        if isinstance(key, str) and isinstance(following, int):
            item = _get(_get(node, key), following)
            title = _title(item)
            noun = ITEMS.get(key, FIELDS.get(key, key))
            parts.append(f"第 {following + 1} 项{noun}" + (f"「{title}」" if title else ""))
            node, index = item, index + 2
            continue
        if isinstance(key, int):
            parts.append(f"第 {key + 1} 项")
        else:
            parts.append(f"「{FIELDS[key]}」({key})" if key in FIELDS else f"「{key}」")
        node, index = _get(node, key), index + 1
    return "的".join(parts)


def _get(node: Any, key: str | int) -> Any:
    if isinstance(node, dict) and isinstance(key, str):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None


def _title(item: Any) -> str:
    """An item's Chinese title or name (else any language's, else its id), short."""
    if not isinstance(item, dict):
        return ""
    for key in ("title", "name"):
        value = item.get(key)
        if isinstance(value, dict):
            text = value.get("zh") or next((v for v in value.values() if isinstance(v, str)), "")
            if isinstance(text, str) and text:
                return text if len(text) <= 30 else text[:29] + "…"
    return str(item["id"]) if isinstance(item.get("id"), str) else ""
